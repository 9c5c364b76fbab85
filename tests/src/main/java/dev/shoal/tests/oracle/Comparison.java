package dev.shoal.tests.oracle;

import java.util.List;
import java.util.Optional;

/**
 * How Shoal's answer to a query compares with DuckDB's: equal (in order where the query orders),
 * equal but for the order of rows the ORDER BY leaves tied (when its keys are output columns), equal
 * only as a multiset, or different.
 */
public record Comparison(Verdict verdict, String detail) {
    public enum Verdict { EQUAL, EQUAL_UP_TO_TIES, EQUAL_AS_MULTISET, DIFFERENT }

    public static Comparison of(ResultRows actual, ResultRows expected, boolean ordered) {
        return of(actual, expected, ordered, Optional.empty());
    }

    /**
     * {@code keys}: the ORDER BY's output columns. Rows equal on them form a run; each run must hold
     * the same rows in both answers, in any order. When a LIMIT may have cut the last run, only its
     * keys must agree: the engines may keep different rows of a tie at the cut.
     */
    public static Comparison of(ResultRows actual, ResultRows expected, boolean ordered, Optional<OrderKeys.Keys> keys) {
        String unordered = ResultRows.difference(actual.sorted(), expected.sorted());
        if (!ordered) {
            return unordered == null ? new Comparison(Verdict.EQUAL, "") : new Comparison(Verdict.DIFFERENT, unordered);
        }
        String inOrder = ResultRows.difference(actual, expected);
        if (inOrder == null) {
            return new Comparison(Verdict.EQUAL, "");
        }
        if (keys.isPresent() && equalUpToTies(actual.rows(), expected.rows(), keys.get())) {
            return new Comparison(Verdict.EQUAL_UP_TO_TIES, inOrder);
        }
        return unordered == null ? new Comparison(Verdict.EQUAL_AS_MULTISET, inOrder) : new Comparison(Verdict.DIFFERENT, inOrder);
    }

    public boolean equal() {
        return verdict == Verdict.EQUAL || verdict == Verdict.EQUAL_UP_TO_TIES;
    }

    private static boolean equalUpToTies(List<List<Object>> actual, List<List<Object>> expected, OrderKeys.Keys keys) {
        if (actual.size() != expected.size()) {
            return false;
        }
        int n = expected.size();
        for (int start = 0; start < n; ) {
            int end = start + 1;
            while (end < n && sameKeys(expected.get(end), expected.get(start), keys.columns())) {
                end++;
            }
            for (int row = start; row < end; row++) {
                if (!sameKeys(actual.get(row), expected.get(start), keys.columns())) {
                    return false;
                }
            }
            boolean cutByLimit = end == n && keys.limited();
            if (!cutByLimit && ResultRows.difference(new ResultRows(actual.subList(start, end)).sorted(),
                    new ResultRows(expected.subList(start, end)).sorted()) != null) {
                return false;
            }
            start = end;
        }
        return true;
    }

    private static boolean sameKeys(List<Object> a, List<Object> b, List<Integer> columns) {
        for (int column : columns) {
            if (!ResultRows.valuesEqual(a.get(column), b.get(column))) {
                return false;
            }
        }
        return true;
    }
}
