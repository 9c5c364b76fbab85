package dev.shoal.tests.oracle;

/**
 * How Shoal's answer to a query compares with DuckDB's: equal (in order where the query orders),
 * equal only as a multiset (an ORDER BY that leaves ties, or rows out of order), or different.
 */
public record Comparison(Verdict verdict, String detail) {
    public enum Verdict { EQUAL, EQUAL_AS_MULTISET, DIFFERENT }

    public static Comparison of(ResultRows actual, ResultRows expected, boolean ordered) {
        String unordered = ResultRows.difference(actual.sorted(), expected.sorted());
        if (!ordered) {
            return unordered == null ? new Comparison(Verdict.EQUAL, "") : new Comparison(Verdict.DIFFERENT, unordered);
        }
        String inOrder = ResultRows.difference(actual, expected);
        if (inOrder == null) {
            return new Comparison(Verdict.EQUAL, "");
        }
        return unordered == null ? new Comparison(Verdict.EQUAL_AS_MULTISET, inOrder) : new Comparison(Verdict.DIFFERENT, inOrder);
    }

    public boolean equal() {
        return verdict == Verdict.EQUAL;
    }
}
