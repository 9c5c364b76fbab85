package dev.shoal.exec.aggregate;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.LongVector;
import dev.shoal.core.type.DataType;

import java.util.Arrays;

/**
 * COUNT(*) ({@code argument < 0}) or COUNT(x), which skips NULLs; in a FINAL step ({@code merge})
 * it adds up the partial counts in the argument column.
 */
final class CountAccumulator implements Accumulator {
    private final int argument;
    private final boolean merge;
    private long[] counts = new long[16];

    @Override
    public long retainedBytes() {
        return 8L * counts.length;
    }

    CountAccumulator(int argument, boolean merge) {
        this.argument = argument;
        this.merge = merge;
    }

    @Override
    public void add(Batch batch, int[] groupIds, int groupCount) {
        if (counts.length < groupCount) {
            counts = Arrays.copyOf(counts, Math.max(groupCount, counts.length * 2));
        }
        if (batch.rowCount() == 0) {
            return;
        }
        ColumnVector column = argument < 0 ? null : batch.column(argument);
        if (merge) {
            long[] partial = ((LongVector) column).values();
            for (int i = 0; i < batch.rowCount(); i++) {
                counts[groupIds[i]] += partial[i];
            }
            return;
        }
        boolean[] nulls = column == null ? null : column.nulls();
        for (int i = 0; i < batch.rowCount(); i++) {
            if (nulls == null || !nulls[i]) {
                counts[groupIds[i]]++;
            }
        }
    }

    @Override
    public ColumnVector result(int groupCount) {
        return new LongVector(DataType.BIGINT, Arrays.copyOf(counts, groupCount), null, groupCount);
    }
}
