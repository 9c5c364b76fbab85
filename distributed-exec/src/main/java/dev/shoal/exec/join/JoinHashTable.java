package dev.shoal.exec.join;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.type.DataType;
import dev.shoal.exec.aggregate.GroupByHash;

import java.util.Arrays;
import java.util.List;

/**
 * The build side of a hash join: all its rows in one batch, and for each distinct key a chain of
 * the rows holding it ({@code firstRow[key]}, then {@code nextRow[row]}), in primitive arrays.
 * Rows with a NULL key are kept (outer joins emit them) but never chained: NULL matches nothing.
 * With no keys, every row is in one chain (a cross join, filtered by the join condition).
 */
final class JoinHashTable {
    private final Batch rows;
    private final List<Integer> keys;
    private final GroupByHash hash;
    private final int[] firstRow;
    private final int[] nextRow;

    JoinHashTable(Batch rows, List<Integer> keys, List<DataType> keyTypes) {
        this.rows = rows;
        this.keys = keys;
        int n = rows.rowCount();
        nextRow = new int[n];
        if (keys.isEmpty()) {
            hash = null;
            firstRow = new int[] {n > 0 ? 0 : -1};
            for (int i = 0; i < n; i++) {
                nextRow[i] = i + 1 < n ? i + 1 : -1;
            }
            return;
        }
        hash = GroupByHash.create(keyTypes);
        ColumnVector[] keyColumns = columns(rows, keys);
        int[] groups = hash.assign(keyColumns, n);
        firstRow = new int[Math.max(1, hash.groupCount())];
        Arrays.fill(firstRow, -1);
        // Chains are built back to front so that each lists its rows in input order.
        for (int i = n - 1; i >= 0; i--) {
            if (GroupByHash.anyNull(keyColumns, i)) {
                nextRow[i] = -1;
                continue;
            }
            nextRow[i] = firstRow[groups[i]];
            firstRow[groups[i]] = i;
        }
    }

    Batch rows() {
        return rows;
    }

    /** The first build row matching each probe row, or -1. */
    int[] firstMatches(Batch probe, List<Integer> probeKeys) {
        int n = probe.rowCount();
        int[] first = new int[n];
        if (hash == null) {
            Arrays.fill(first, firstRow[0]);
            return first;
        }
        int[] groups = hash.find(columns(probe, probeKeys), n);
        for (int i = 0; i < n; i++) {
            first[i] = groups[i] < 0 ? -1 : firstRow[groups[i]];
        }
        return first;
    }

    int nextMatch(int row) {
        return nextRow[row];
    }

    private static ColumnVector[] columns(Batch batch, List<Integer> indexes) {
        ColumnVector[] columns = new ColumnVector[indexes.size()];
        for (int k = 0; k < columns.length; k++) {
            columns[k] = batch.column(indexes.get(k));
        }
        return columns;
    }
}
