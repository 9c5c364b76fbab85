package dev.shoal.exec.window;

import dev.shoal.core.batch.LongVector;
import dev.shoal.core.plan.FrameBound;
import dev.shoal.core.plan.SortKey;
import dev.shoal.core.plan.WindowFrame;

/**
 * The rows of RANGE frames with offsets ({@code RANGE BETWEEN 5 PRECEDING AND CURRENT ROW}): by
 * the value of the single ORDER BY key (integers, unscaled decimals, days), found by binary
 * search in the sorted partition. A row whose key is NULL frames its NULL peers, as in Trino.
 */
final class RangeFrames {
    private RangeFrames() {
    }

    static boolean hasOffset(WindowFrame frame) {
        return !frame.rows() && (isOffset(frame.lower()) || isOffset(frame.upper()));
    }

    private static boolean isOffset(FrameBound bound) {
        return bound.kind() == FrameBound.Kind.PRECEDING || bound.kind() == FrameBound.Kind.FOLLOWING;
    }

    /** {from, to} (to exclusive) of each row's frame, indexed from {@code start}. */
    static int[][] frames(WindowFrame frame, LongVector key, SortKey order, int start, int end, int[] peerEnd) {
        // NULL keys sit together at one end of the partition; the search runs over the others.
        int valuesStart = start;
        int valuesEnd = end;
        while (valuesStart < valuesEnd && key.isNull(valuesStart)) {
            valuesStart++;
        }
        while (valuesEnd > valuesStart && key.isNull(valuesEnd - 1)) {
            valuesEnd--;
        }
        int[] from = new int[end - start];
        int[] to = new int[end - start];
        int peersStart = start;
        for (int i = start; i < end; i++) {
            if (i > start && peerEnd[i - 1] != peerEnd[i]) {
                peersStart = i; // a new peer group: tracked as we go, not walked back per row
            }
            if (key.isNull(i)) {
                from[i - start] = bound(frame.lower(), true, start, end, peersStart, peerEnd[i]);
                to[i - start] = bound(frame.upper(), false, start, end, peersStart, peerEnd[i]);
                continue;
            }
            long value = key.get(i);
            int lower = switch (frame.lower().kind()) {
                case UNBOUNDED_PRECEDING -> start;
                case CURRENT_ROW -> peersStart;
                case UNBOUNDED_FOLLOWING -> end;
                default -> firstAtOrPast(key, order.ascending(), valuesStart, valuesEnd, target(value, frame.lower(), order), false);
            };
            int upper = switch (frame.upper().kind()) {
                case UNBOUNDED_FOLLOWING -> end;
                case CURRENT_ROW -> peerEnd[i];
                case UNBOUNDED_PRECEDING -> start;
                default -> firstAtOrPast(key, order.ascending(), valuesStart, valuesEnd, target(value, frame.upper(), order), true);
            };
            from[i - start] = lower;
            to[i - start] = Math.max(lower, upper);
        }
        return new int[][] {from, to};
    }

    /** A NULL row's frame end: offsets stop at its peers, unbounded ends reach the partition's. */
    private static int bound(FrameBound bound, boolean lower, int start, int end, int peersStart, int peersEnd) {
        return switch (bound.kind()) {
            case UNBOUNDED_PRECEDING -> start;
            case UNBOUNDED_FOLLOWING -> end;
            default -> lower ? peersStart : peersEnd;
        };
    }

    /** The key value a bound reaches: PRECEDING goes against the sort direction, FOLLOWING with it. */
    private static long target(long value, FrameBound bound, SortKey order) {
        boolean towardsLarger = (bound.kind() == FrameBound.Kind.FOLLOWING) == order.ascending();
        long offset = bound.offset();
        try {
            return towardsLarger ? Math.addExact(value, offset) : Math.subtractExact(value, offset);
        } catch (ArithmeticException e) {
            return towardsLarger ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
    }

    /**
     * In rows sorted by key (ascending or descending), the first row at or past {@code target} in
     * sort order; with {@code strictly}, the first row strictly past it.
     */
    private static int firstAtOrPast(LongVector key, boolean ascending, int from, int to, long target, boolean strictly) {
        int low = from;
        int high = to;
        while (low < high) {
            int middle = (low + high) >>> 1;
            long v = key.get(middle);
            int comparison = ascending ? Long.compare(v, target) : Long.compare(target, v);
            boolean past = strictly ? comparison > 0 : comparison >= 0;
            if (past) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }
}
