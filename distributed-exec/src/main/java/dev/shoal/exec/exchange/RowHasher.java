package dev.shoal.exec.exchange;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.BooleanVector;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.DoubleVector;
import dev.shoal.core.batch.Int128Vector;
import dev.shoal.core.batch.LongVector;
import dev.shoal.core.batch.VarcharVector;
import dev.shoal.exec.aggregate.BytesHash;
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
            addHashes(key, rows, hashes);
        }
        int[] partitions = new int[rows];
        for (int i = 0; i < rows; i++) {
            // The high 32 bits of the mixed hash scaled to [0, partitionCount): a multiply, not a division.
            partitions[i] = (int) (((GroupByHash.mix64(hashes[i] ^ seed) >>> 32) * partitionCount) >>> 32);
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

    /**
     * {@code hashes[i] = hashes[i] * 31 + hash of row i's value}, one loop per column type (the type is
     * checked once per column, not per value). NULL hashes to 0.
     */
    private static void addHashes(ColumnVector column, int rows, long[] hashes) {
        boolean[] nulls = column.nulls();
        if (column instanceof LongVector longs) {
            long[] values = longs.values();
            for (int i = 0; i < rows; i++) {
                hashes[i] = hashes[i] * 31 + (nulls != null && nulls[i] ? 0 : GroupByHash.mix64(values[i]));
            }
        } else if (column instanceof Int128Vector wide) {
            long[] high = wide.high();
            long[] low = wide.low();
            for (int i = 0; i < rows; i++) {
                // A value that fits in a long hashes as in a LongVector: both forms of a column meet in one partition.
                long h = nulls != null && nulls[i] ? 0
                        : Int128Vector.fitsInLong(high[i], low[i]) ? GroupByHash.mix64(low[i]) : GroupByHash.mix64(high[i] * 31 + GroupByHash.mix64(low[i]));
                hashes[i] = hashes[i] * 31 + h;
            }
        } else if (column instanceof DoubleVector doubles) {
            double[] values = doubles.values();
            for (int i = 0; i < rows; i++) {
                double d = values[i];
                hashes[i] = hashes[i] * 31 + (nulls != null && nulls[i] ? 0 : GroupByHash.mix64(d == 0.0 ? 0L : Double.doubleToLongBits(d)));
            }
        } else if (column instanceof BooleanVector booleans) {
            for (int i = 0; i < rows; i++) {
                hashes[i] = hashes[i] * 31 + (nulls != null && nulls[i] ? 0 : booleans.get(i) ? 1231 : 1237);
            }
        } else {
            VarcharVector strings = (VarcharVector) column;
            byte[] data = strings.data();
            for (int i = 0; i < rows; i++) {
                hashes[i] = hashes[i] * 31 + (nulls != null && nulls[i] ? 0 : BytesHash.of(data, strings.start(i), strings.length(i)));
            }
        }
    }
}
