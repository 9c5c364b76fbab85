package dev.shoal.parquet.reader;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The requests that fetch a row group's chunks: adjacent chunks always in one request (parquet-java
 * reads them in one call, which must fall inside one), and chunks a small gap apart too while the
 * request stays under {@link #MAX_MERGED_BYTES}, where reading the gap costs less than another request.
 */
final class FetchRanges {
    /** Past this, a merged request would give up more parallel fetching than it saves. */
    static final long MAX_MERGED_BYTES = 4L << 20;

    private FetchRanges() {
    }

    /** {@code chunks}: {@code {start, length}} pairs in any order; returns the ranges to fetch, in file order. */
    static List<long[]> of(List<long[]> chunks, long maxGapBytes) {
        List<long[]> sorted = new ArrayList<>(chunks);
        sorted.sort(Comparator.comparingLong(c -> c[0]));
        List<long[]> ranges = new ArrayList<>();
        for (long[] chunk : sorted) {
            long[] last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
            long end = last == null ? 0 : last[0] + last[1];
            boolean adjacent = last != null && end == chunk[0];
            boolean close = last != null && chunk[0] > end && chunk[0] - end <= maxGapBytes
                    && chunk[0] + chunk[1] - last[0] <= MAX_MERGED_BYTES;
            if (adjacent || close) {
                last[1] = chunk[0] + chunk[1] - last[0];
            } else {
                ranges.add(chunk.clone());
            }
        }
        return ranges;
    }
}
