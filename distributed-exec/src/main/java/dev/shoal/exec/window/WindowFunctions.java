package dev.shoal.exec.window;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.DoubleVector;
import dev.shoal.core.batch.LongVector;
import dev.shoal.core.batch.VectorBuilder;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.expr.Expr;
import dev.shoal.core.expr.InputRef;
import dev.shoal.core.expr.Literal;
import dev.shoal.core.plan.FrameBound;
import dev.shoal.core.plan.SortKey;
import dev.shoal.core.plan.WindowCall;
import dev.shoal.core.plan.WindowFrame;
import dev.shoal.core.plan.WindowFunction;
import dev.shoal.core.type.DataType;
import dev.shoal.core.type.TypeKind;
import dev.shoal.exec.expression.Decimals;
import dev.shoal.exec.expression.ValueCasts;

/**
 * Computes one window call over rows sorted by partition and order keys. {@code partitionEnd[i]}
 * and {@code peerEnd[i]} are the exclusive ends of row i's partition and peer group. Frame
 * aggregates use prefix sums (exact on unscaled longs), so each row costs O(1) whatever the frame;
 * MIN and MAX scan their frame.
 */
final class WindowFunctions {
    private WindowFunctions() {
    }

    /** {@code orderKey}: the single ORDER BY key, which RANGE frames with offsets measure (null without one). */
    static void compute(WindowCall call, Batch rows, int[] partitionEnd, int[] peerEnd, SortKey orderKey, VectorBuilder out) {
        int n = rows.rowCount();
        int start = 0;
        while (start < n) {
            int end = partitionEnd[start];
            int[][] ranges = RangeFrames.hasOffset(call.frame())
                    ? RangeFrames.frames(call.frame(), (LongVector) rows.column(orderKey.field()), orderKey, start, end, peerEnd)
                    : null;
            computePartition(call, rows, start, end, peerEnd, ranges, out);
            start = end;
        }
    }

    private static void computePartition(WindowCall call, Batch rows, int start, int end, int[] peerEnd, int[][] ranges,
                                         VectorBuilder out) {
        int size = end - start;
        switch (call.function()) {
            case ROW_NUMBER -> {
                for (int i = start; i < end; i++) {
                    out.appendValue((long) (i - start + 1));
                }
            }
            case RANK, DENSE_RANK, PERCENT_RANK, CUME_DIST -> {
                long rank = 1;
                long dense = 1;
                for (int i = start; i < end; ) {
                    int peers = peerEnd[i];
                    for (int j = i; j < peers; j++) {
                        out.appendValue(switch (call.function()) {
                            case RANK -> rank;
                            case DENSE_RANK -> dense;
                            case PERCENT_RANK -> size == 1 ? 0.0 : (double) (rank - 1) / (size - 1);
                            default -> (double) (peers - start) / size;
                        });
                    }
                    rank += peers - i;
                    dense++;
                    i = peers;
                }
            }
            case NTILE -> {
                long buckets = (Long) constant(call, 0);
                if (buckets <= 0) {
                    throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "NTILE's bucket count must be positive, got " + buckets);
                }
                // The first size % buckets buckets hold one row more than the others.
                long small = size / buckets;
                long large = small + 1;
                long largeRows = (size % buckets) * large;
                for (int i = 0; i < size; i++) {
                    long bucket = i < largeRows ? i / large : (size % buckets) + (i - largeRows) / Math.max(small, 1);
                    out.appendValue(bucket + 1);
                }
            }
            case LAG, LEAD -> {
                ColumnVector values = column(call, rows, 0);
                long offset = call.arguments().size() > 1 ? (Long) constant(call, 1) : 1;
                Object otherwise = call.arguments().size() > 2
                        ? ValueCasts.cast(constant(call, 2), call.arguments().get(2).type(), call.type()) : null;
                for (int i = start; i < end; i++) {
                    long at = call.function() == WindowFunction.LAG ? i - offset : i + offset;
                    out.appendValue(at >= start && at < end ? values.valueAt((int) at) : otherwise);
                }
            }
            case FIRST_VALUE, LAST_VALUE, NTH_VALUE -> {
                ColumnVector values = column(call, rows, 0);
                long nth = call.function() == WindowFunction.NTH_VALUE ? (Long) constant(call, 1) : 1;
                for (int i = start; i < end; i++) {
                    int from = ranges != null ? ranges[0][i - start] : frameStart(call.frame(), i, start, end, peerEnd);
                    int to = ranges != null ? ranges[1][i - start] : frameEnd(call.frame(), i, start, end, peerEnd);
                    int at = switch (call.function()) {
                        case FIRST_VALUE -> from;
                        case LAST_VALUE -> to - 1;
                        default -> (int) (from + nth - 1);
                    };
                    out.appendValue(from < to && at >= from && at < to ? values.valueAt(at) : null);
                }
            }
            default -> aggregate(call, rows, start, end, peerEnd, ranges, out);
        }
    }

    private static void aggregate(WindowCall call, Batch rows, int start, int end, int[] peerEnd, int[][] ranges,
                                  VectorBuilder out) {
        int size = end - start;
        ColumnVector values = call.arguments().isEmpty() ? null : column(call, rows, 0);
        // counts[k] and sums[k]: over rows start .. start+k-1.
        long[] counts = new long[size + 1];
        long[] longSums = new long[size + 1];
        double[] doubleSums = new double[size + 1];
        for (int k = 0; k < size; k++) {
            int row = start + k;
            boolean present = values == null || !values.isNull(row);
            counts[k + 1] = counts[k] + (present ? 1 : 0);
            longSums[k + 1] = longSums[k];
            doubleSums[k + 1] = doubleSums[k];
            if (present && values instanceof LongVector longs) {
                longSums[k + 1] = Decimals.add(longSums[k], longs.get(row));
            } else if (present && values instanceof DoubleVector doubles) {
                doubleSums[k + 1] = doubleSums[k] + doubles.get(row);
            }
        }
        DataType inputType = values == null ? null : values.type();
        for (int i = start; i < end; i++) {
            int from = ranges != null ? ranges[0][i - start] : frameStart(call.frame(), i, start, end, peerEnd);
            int to = Math.max(from, ranges != null ? ranges[1][i - start] : frameEnd(call.frame(), i, start, end, peerEnd));
            long count = counts[to - start] - counts[from - start];
            switch (call.function()) {
                case COUNT_STAR -> out.appendValue((long) (to - from));
                case COUNT -> out.appendValue(count);
                case SUM -> out.appendValue(count == 0 ? null
                        : values instanceof LongVector ? (Object) (longSums[to - start] - longSums[from - start])
                        : (Object) (doubleSums[to - start] - doubleSums[from - start]));
                case AVG -> out.appendValue(count == 0 ? null : average(values, inputType, call.type(),
                        longSums[to - start] - longSums[from - start], doubleSums[to - start] - doubleSums[from - start], count));
                case MIN, MAX -> out.appendValue(extreme(values, from, to, call.function() == WindowFunction.MAX));
                default -> throw new IllegalStateException("not a window aggregate: " + call.function());
            }
        }
    }

    private static Object average(ColumnVector values, DataType inputType, DataType resultType, long longSum,
                                  double doubleSum, long count) {
        if (values instanceof DoubleVector) {
            return doubleSum / count;
        }
        int inputScale = inputType.kind() == TypeKind.DECIMAL ? inputType.scale() : 0;
        if (resultType.storage() == TypeKind.Storage.DOUBLE) {
            return Decimals.toDouble(longSum, inputScale) / count;
        }
        return Decimals.divide(longSum, inputScale, count, 0, resultType.kind() == TypeKind.DECIMAL ? resultType.scale() : 0);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object extreme(ColumnVector values, int from, int to, boolean max) {
        Comparable best = null;
        for (int row = from; row < to; row++) {
            Comparable value = (Comparable) values.valueAt(row);
            if (value != null && (best == null || (max ? value.compareTo(best) > 0 : value.compareTo(best) < 0))) {
                best = value;
            }
        }
        return best;
    }

    /** First row of row i's frame. */
    static int frameStart(WindowFrame frame, int i, int start, int end, int[] peerEnd) {
        FrameBound bound = frame.lower();
        return switch (bound.kind()) {
            case UNBOUNDED_PRECEDING -> start;
            case CURRENT_ROW -> frame.rows() ? i : peerStart(i, start, peerEnd);
            case PRECEDING -> (int) Math.max(start, i - bound.offset());
            case FOLLOWING -> (int) Math.min(end, i + bound.offset());
            case UNBOUNDED_FOLLOWING -> end;
        };
    }

    /** End (exclusive) of row i's frame. */
    static int frameEnd(WindowFrame frame, int i, int start, int end, int[] peerEnd) {
        FrameBound bound = frame.upper();
        return switch (bound.kind()) {
            case UNBOUNDED_FOLLOWING -> end;
            case CURRENT_ROW -> frame.rows() ? i + 1 : peerEnd[i];
            case FOLLOWING -> (int) Math.min(end, i + bound.offset() + 1);
            case PRECEDING -> (int) Math.max(start, i - bound.offset() + 1);
            case UNBOUNDED_PRECEDING -> start;
        };
    }

    private static int peerStart(int i, int start, int[] peerEnd) {
        int row = i;
        while (row > start && peerEnd[row - 1] == peerEnd[i]) {
            row--;
        }
        return row;
    }

    private static ColumnVector column(WindowCall call, Batch rows, int argument) {
        Expr expr = call.arguments().get(argument);
        if (!(expr instanceof InputRef ref)) {
            throw new ShoalException(ErrorCode.NOT_SUPPORTED, call.function() + "'s argument must be a column");
        }
        return rows.column(ref.index());
    }

    private static Object constant(WindowCall call, int argument) {
        Expr expr = call.arguments().get(argument);
        if (!(expr instanceof Literal literal)) {
            throw new ShoalException(ErrorCode.NOT_SUPPORTED, call.function() + "'s argument " + (argument + 1) + " must be a constant");
        }
        return literal.value();
    }
}
