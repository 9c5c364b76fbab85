package dev.shoal.exec.exchange;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.BooleanVector;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.DoubleVector;
import dev.shoal.core.batch.Int128Vector;
import dev.shoal.core.batch.LongVector;
import dev.shoal.core.batch.VarcharVector;
import dev.shoal.exec.aggregate.GroupByHash;
import dev.shoal.exec.operator.Batches;

import java.util.List;

/**
 * Hashes rows by key columns for HASH exchanges. Every producer of a partitioned join or
 * aggregation must send equal keys to the same partition, so the hash depends only on values
 * (an INTEGER 7 and a BIGINT 7 hash alike), never on the task or the batch.
 */
public final class RowHasher {
    /** Mixed into the hash of a task's local exchanges: a task of a HASH exchange holds only rows of equal remote hash. */
    public static final long LOCAL_SEED = 0x632BE59BD9B4E019L;

    private RowHasher() {
    }

    static int[] partitions(ColumnVector[] keys, int rows, int partitionCount) {
        return partitions(keys, rows, partitionCount, 0);
    }

    /** {@code seed} 0 for exchanges between tasks; {@link #LOCAL_SEED} between a task's drivers. */
    public static int[] partitions(ColumnVector[] keys, int rows, int partitionCount, long seed) {
        long[] hashes = new long[rows];
        for (ColumnVector key : keys) {
            for (int i = 0; i < rows; i++) {
                hashes[i] = hashes[i] * 31 + valueHash(key, i);
            }
        }
        int[] partitions = new int[rows];
        for (int i = 0; i < rows; i++) {
            partitions[i] = (int) Long.remainderUnsigned(GroupByHash.mix64(hashes[i] ^ seed), partitionCount);
        }
        return partitions;
    }

    /**
     * The batch's rows split by the partition of their {@code keys}' values: one batch per partition,
     * null where a partition gets no row (the batch itself when one gets every row).
     */
    public static Batch[] split(Batch batch, List<Integer> keys, int partitionCount, long seed) {
        int rows = batch.rowCount();
        int[] target = partitions(Batches.columns(batch, keys), rows, partitionCount, seed);
        int[] counts = new int[partitionCount];
        for (int i = 0; i < rows; i++) {
            counts[target[i]]++;
        }
        Batch[] parts = new Batch[partitionCount];
        for (int p = 0; p < partitionCount; p++) {
            if (counts[p] == 0) {
                continue;
            }
            if (counts[p] == rows) {
                parts[p] = batch;
                continue;
            }
            int[] positions = new int[counts[p]];
            int n = 0;
            for (int i = 0; i < rows; i++) {
                if (target[i] == p) {
                    positions[n++] = i;
                }
            }
            parts[p] = batch.take(positions, n);
        }
        return parts;
    }

    private static long valueHash(ColumnVector column, int row) {
        if (column.isNull(row)) {
            return 0;
        }
        if (column instanceof LongVector longs) {
            return GroupByHash.mix64(longs.get(row));
        }
        if (column instanceof Int128Vector wide) {
            // A value that fits in a long hashes as in a LongVector: both forms of a column meet in one partition.
            long high = wide.high()[row];
            long low = wide.low()[row];
            return Int128Vector.fitsInLong(high, low) ? GroupByHash.mix64(low) : GroupByHash.mix64(high * 31 + GroupByHash.mix64(low));
        }
        if (column instanceof DoubleVector doubles) {
            double d = doubles.get(row);
            return GroupByHash.mix64(d == 0.0 ? 0L : Double.doubleToLongBits(d));
        }
        if (column instanceof BooleanVector booleans) {
            return booleans.get(row) ? 1231 : 1237;
        }
        VarcharVector strings = (VarcharVector) column;
        byte[] data = strings.data();
        long h = 0xcbf29ce484222325L;
        for (int i = strings.start(row), end = i + strings.length(row); i < end; i++) {
            h = (h ^ (data[i] & 0xff)) * 0x100000001B3L;
        }
        return GroupByHash.mix64(h);
    }
}
