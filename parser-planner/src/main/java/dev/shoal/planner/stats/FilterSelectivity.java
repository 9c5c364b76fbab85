package dev.shoal.planner.stats;

import dev.shoal.core.catalog.ColumnStatistics;
import dev.shoal.core.expr.Call;
import dev.shoal.core.expr.Expr;
import dev.shoal.core.expr.Exprs;
import dev.shoal.core.expr.InputRef;
import dev.shoal.core.expr.Literal;
import dev.shoal.core.expr.Op;
import dev.shoal.core.type.DataType;
import dev.shoal.core.type.TypeKind;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The fraction of rows a predicate keeps. Comparisons of a column with constants are measured
 * against the column's min/max from the Parquet footers (so {@code o_orderdate} over one quarter
 * of a seven-year range keeps about 4%), assuming values spread evenly; conjuncts about the same
 * column narrow one interval; an OR of measured alternatives adds them up. Everything else (LIKE, column against column, functions) keeps a
 * quarter together, as it did before any statistics: a guess, but the same guess for every plan.
 */
final class FilterSelectivity {
    static final double UNKNOWN = 0.25;
    /** No range conjunct is trusted to keep less than this: values are never perfectly even. */
    private static final double MIN_RANGE_FRACTION = 0.0005;

    /** A column's statistics as seen from a filter: its footer min/max and its SQL type. */
    record ColumnRange(ColumnStatistics statistics, DataType type) {
    }

    private final IntFunction<ColumnRange> columns;

    /** {@code columns} gives the statistics of an input column of the filter, or null when unknown. */
    FilterSelectivity(IntFunction<ColumnRange> columns) {
        this.columns = columns;
    }

    double of(Expr predicate) {
        List<Expr> conjuncts = Exprs.conjuncts(predicate);
        Map<Integer, double[]> intervals = new LinkedHashMap<>();
        Map<Integer, ColumnRange> ranges = new LinkedHashMap<>();
        List<Expr> others = new ArrayList<>();
        double known = 1;
        for (Expr conjunct : conjuncts) {
            if (conjunct instanceof Call call && call.op() == Op.IN) {
                // An IN list measures as the OR of its equalities.
                conjunct = new Call(Op.OR, call.args().subList(1, call.args().size()).stream()
                        .<Expr>map(candidate -> new Call(Op.EQUAL, call.type(), call.arg(0), candidate)).toList(), call.type());
            }
            Bound bound = bound(conjunct);
            Double byDistinct = bound == null ? byDistinctValues(conjunct) : null;
            if (byDistinct != null) {
                known *= byDistinct;
            } else if (bound != null) {
                ranges.put(bound.column, bound.range);
                double[] interval = intervals.computeIfAbsent(bound.column,
                        c -> new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY});
                interval[0] = Math.max(interval[0], bound.low);
                interval[1] = Math.min(interval[1], bound.high);
            } else if (conjunct instanceof Call call && call.op() == Op.IS_NOT_NULL) {
                continue;
            } else if (conjunct instanceof Call call && call.op() == Op.OR && call.args().stream().allMatch(this::measurable)) {
                double sum = 0;
                for (Expr alternative : call.args()) {
                    sum += of(alternative);
                }
                known *= Math.min(1, sum);
            } else {
                others.add(conjunct);
            }
        }
        for (Map.Entry<Integer, double[]> interval : intervals.entrySet()) {
            known *= fraction(ranges.get(interval.getKey()), interval.getValue());
        }
        return others.isEmpty() ? known : known * UNKNOWN;
    }

    /** Whether every conjunct of {@code predicate} is measured rather than guessed. */
    private boolean measurable(Expr predicate) {
        return Exprs.conjuncts(predicate).stream().allMatch(conjunct -> bound(conjunct) != null || byDistinctValues(conjunct) != null);
    }

    /**
     * {@code column = constant} keeps one of the column's distinct values, {@code column <> constant}
     * all others, when the column has a distinct count but no range (strings: {@code cd_gender = 'M'}
     * keeps a half, {@code cd_education_status = 'College'} a seventh); null otherwise.
     */
    private Double byDistinctValues(Expr conjunct) {
        if (!(conjunct instanceof Call call) || call.args().size() != 2
                || (call.op() != Op.EQUAL && call.op() != Op.NOT_EQUAL)) {
            return null;
        }
        Expr column = call.arg(0) instanceof Literal ? call.arg(1) : call.arg(0);
        Expr constant = call.arg(0) instanceof Literal ? call.arg(0) : call.arg(1);
        if (!(column instanceof InputRef ref) || !(constant instanceof Literal literal) || literal.isNull()) {
            return null;
        }
        ColumnRange range = columns.apply(ref.index());
        if (range == null || range.statistics().min() != null || !range.statistics().distinctCountKnown()) {
            return null;
        }
        double one = 1.0 / range.statistics().distinctCount();
        return call.op() == Op.EQUAL ? one : 1 - one;
    }

    private static double fraction(ColumnRange range, double[] interval) {
        double min = number(range.statistics().min());
        double max = number(range.statistics().max());
        double low = Math.max(min, interval[0]);
        double high = Math.min(max, interval[1]);
        if (high < low) {
            return MIN_RANGE_FRACTION;
        }
        // Integers and dates count their end points: [min, max] holds max - min + 1 values.
        double width = max - min + 1;
        return Math.max(MIN_RANGE_FRACTION, Math.min(1, (high - low + 1) / width));
    }

    /** One side of an interval on a column: {@code column op constant} (or reversed). */
    private record Bound(int column, ColumnRange range, double low, double high) {
    }

    private Bound bound(Expr conjunct) {
        if (!(conjunct instanceof Call call) || call.args().size() != 2) {
            return null;
        }
        Op op = call.op();
        Expr left = call.arg(0);
        Expr right = call.arg(1);
        if (left instanceof Literal && right instanceof InputRef) {
            op = mirrored(op);
            Expr swap = left;
            left = right;
            right = swap;
        }
        if (op == null || !(left instanceof InputRef ref) || !(right instanceof Literal literal) || literal.isNull()) {
            return null;
        }
        ColumnRange range = columns.apply(ref.index());
        if (range == null || range.statistics().min() == null || !comparable(range.type(), literal.type())) {
            return null;
        }
        double value = physical(literal, range.type());
        return switch (op) {
            case EQUAL -> new Bound(ref.index(), range, value, value);
            case LESS_THAN -> new Bound(ref.index(), range, Double.NEGATIVE_INFINITY, value - 1);
            case LESS_THAN_OR_EQUAL -> new Bound(ref.index(), range, Double.NEGATIVE_INFINITY, value);
            case GREATER_THAN -> new Bound(ref.index(), range, value + 1, Double.POSITIVE_INFINITY);
            case GREATER_THAN_OR_EQUAL -> new Bound(ref.index(), range, value, Double.POSITIVE_INFINITY);
            default -> null;
        };
    }

    private static Op mirrored(Op op) {
        return switch (op) {
            case EQUAL -> Op.EQUAL;
            case LESS_THAN -> Op.GREATER_THAN;
            case LESS_THAN_OR_EQUAL -> Op.GREATER_THAN_OR_EQUAL;
            case GREATER_THAN -> Op.LESS_THAN;
            case GREATER_THAN_OR_EQUAL -> Op.LESS_THAN_OR_EQUAL;
            default -> null;
        };
    }

    /** Footer min/max are physical values: days for dates, unscaled for decimals; timestamps' units vary. */
    private static boolean comparable(DataType column, DataType literal) {
        return switch (column.kind()) {
            case INTEGER, BIGINT -> literal.kind() == TypeKind.INTEGER || literal.kind() == TypeKind.BIGINT;
            case DATE -> literal.kind() == TypeKind.DATE;
            case DECIMAL -> literal.kind() == TypeKind.DECIMAL || literal.kind() == TypeKind.INTEGER
                    || literal.kind() == TypeKind.BIGINT;
            default -> false;
        };
    }

    /** The literal in the column's physical unit (a decimal rescaled to the column's scale). */
    private static double physical(Literal literal, DataType column) {
        double value = literal.value() instanceof BigInteger big ? big.doubleValue() : ((Number) literal.value()).doubleValue();
        if (column.kind() == TypeKind.DECIMAL) {
            int literalScale = literal.type().kind() == TypeKind.DECIMAL ? literal.type().scale() : 0;
            value *= Math.pow(10, column.scale() - literalScale);
        }
        return value;
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }
}
