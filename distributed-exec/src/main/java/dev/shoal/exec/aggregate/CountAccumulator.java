package dev.shoal.exec.aggregate;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.LongVector;
import dev.shoal.core.type.DataType;

import java.util.Arrays;

/** COUNT(*) ({@code argument < 0}) or COUNT(x), which skips NULLs. */
final class CountAccumulator implements Accumulator {
    private final int argument;
    private long[] counts = new long[16];

    CountAccumulator(int argument) {
        this.argument = argument;
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
