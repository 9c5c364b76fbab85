package dev.shoal.exec.join;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.LongVector;
import dev.shoal.core.type.DataType;
import dev.shoal.exec.aggregate.GroupByHash;
import dev.shoal.exec.operator.Batches;

import java.util.Arrays;
import java.util.List;

/**
 * The build side of a hash join: all its rows in one batch, and for each distinct key a chain of
 * the rows holding it ({@code firstRow[key]}, then {@code nextRow[row]}), in primitive arrays.
 * Rows with a NULL key are kept (outer joins emit them) but never chained: NULL matches nothing.
 * With no keys, every row is in one chain (a cross join, filtered by the join condition).
 */
final class JoinHashTable implements JoinLookup {
    private final Batch rows;
    private final List<Integer> keys;
    private final GroupByHash hash;
    private final int[] firstRow;
    private final int[] nextRow;
    /**
     * For one integral key over a dense range (TPC-H's keys, most surrogate keys): the chain of
     * key {@code k} starts at {@code firstRow[k - denseMin]}, no hashing on build or probe.
     * {@code Long.MIN_VALUE} when the hash is used instead.
     */
    private final long denseMin;
    private static final int MAX_DENSE_SLOTS = 1 << 26;

    /** The build rows, the chains and the hash: what the join reserves while it probes. */
    @Override
    public long retainedBytes() {
        return rows.retainedBytes() + 4L * firstRow.length + 4L * nextRow.length + (hash == null ? 0 : hash.retainedBytes());
    }

    JoinHashTable(Batch rows, List<Integer> keys, List<DataType> keyTypes) {
        this.rows = rows;
        this.keys = keys;
        int n = rows.rowCount();
        nextRow = new int[n];
        if (keys.isEmpty()) {
            hash = null;
            denseMin = Long.MIN_VALUE;
            firstRow = new int[] {n > 0 ? 0 : -1};
            for (int i = 0; i < n; i++) {
                nextRow[i] = i + 1 < n ? i + 1 : -1;
            }
            return;
        }
        ColumnVector[] keyColumns = Batches.columns(rows, keys);
        long[] range = keyColumns.length == 1 && keyColumns[0] instanceof LongVector longs
                && !keyTypes.get(0).isWideDecimal() ? denseRange(longs, n) : null;
        int[] groups;
        if (range != null) {
            hash = null;
            denseMin = range[0];
            long[] values = ((LongVector) keyColumns[0]).values();
            groups = new int[n];
            for (int i = 0; i < n; i++) {
                groups[i] = (int) (values[i] - denseMin);
            }
            firstRow = new int[(int) (range[1] - range[0] + 1)];
        } else {
            hash = GroupByHash.create(keyTypes);
            denseMin = Long.MIN_VALUE;
            groups = hash.assign(keyColumns, n);
            firstRow = new int[Math.max(1, hash.groupCount())];
        }
        link(keyColumns, groups, null, n, firstRow, nextRow);
    }

    /**
     * Chains the rows of each group: {@code firstRow[group]}, then {@code nextRow[row]}, -1 at the end.
     * Row {@code i} of the key columns is build row {@code rowAt[i]} (or {@code i} when null). Built
     * back to front, so that each chain lists its rows in input order; a row with a NULL key is in none.
     */
    static void link(ColumnVector[] keyColumns, int[] groups, int[] rowAt, int count, int[] firstRow, int[] nextRow) {
        Arrays.fill(firstRow, -1);
        for (int i = count - 1; i >= 0; i--) {
            int row = rowAt == null ? i : rowAt[i];
            if (GroupByHash.anyNull(keyColumns, i)) {
                nextRow[row] = -1;
                continue;
            }
            nextRow[row] = firstRow[groups[i]];
            firstRow[groups[i]] = row;
        }
    }

    /** {min, max} of the non-NULL keys when a direct-address table of that span is small enough, else null. */
    static long[] denseRange(LongVector keys, int n) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        long[] values = keys.values();
        int present = 0;
        for (int i = 0; i < n; i++) {
            if (!keys.isNull(i)) {
                min = Math.min(min, values[i]);
                max = Math.max(max, values[i]);
                present++;
            }
        }
        if (present == 0) {
            return null;
        }
        // The span must be small in absolute terms and next to the rows (4 bytes a slot vs ~32 a hashed key).
        long span = max - min + 1;
        return span > 0 && span <= MAX_DENSE_SLOTS && span <= 8L * present + 1024 ? new long[] {min, max} : null;
    }

    @Override
    public Batch rows() {
        return rows;
    }

    /** The first build row matching each probe row, or -1. */
    @Override
    public int[] firstMatches(Batch probe, List<Integer> probeKeys) {
        int n = probe.rowCount();
        int[] first = new int[n];
        if (denseMin != Long.MIN_VALUE) {
            LongVector keys = (LongVector) probe.column(probeKeys.get(0));
            long[] values = keys.values();
            int span = firstRow.length;
            for (int i = 0; i < n; i++) {
                long offset = values[i] - denseMin;
                first[i] = offset >= 0 && offset < span && !keys.isNull(i) ? firstRow[(int) offset] : -1;
            }
            return first;
        }
        if (hash == null) {
            Arrays.fill(first, firstRow[0]);
            return first;
        }
        int[] groups = hash.find(Batches.columns(probe, probeKeys), n);
        for (int i = 0; i < n; i++) {
            first[i] = groups[i] < 0 ? -1 : firstRow[groups[i]];
        }
        return first;
    }

    @Override
    public int nextMatch(int row) {
        return nextRow[row];
    }

}
