package dev.shoal.exec.aggregate;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.LongVector;
import dev.shoal.core.type.DataType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** COUNT(DISTINCT x): a set of the non-NULL values seen per group. */
final class CountDistinctAccumulator implements Accumulator {
    private final int argument;
    private final List<Set<Object>> seen = new ArrayList<>();

    CountDistinctAccumulator(int argument) {
        this.argument = argument;
    }

    @Override
    public void add(Batch batch, int[] groupIds, int groupCount) {
        while (seen.size() < groupCount) {
            seen.add(new HashSet<>());
        }
        if (batch.rowCount() == 0) {
            return;
        }
        ColumnVector column = batch.column(argument);
        for (int i = 0; i < batch.rowCount(); i++) {
            Object value = column.valueAt(i);
            if (value != null) {
                seen.get(groupIds[i]).add(value);
            }
        }
    }

    @Override
    public ColumnVector result(int groupCount) {
        long[] counts = new long[groupCount];
        for (int g = 0; g < groupCount && g < seen.size(); g++) {
            counts[g] = seen.get(g).size();
        }
        return new LongVector(DataType.BIGINT, counts, null, groupCount);
    }
}
