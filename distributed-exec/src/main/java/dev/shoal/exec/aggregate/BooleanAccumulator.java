package dev.shoal.exec.aggregate;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.BooleanVector;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.LongVector;
import dev.shoal.core.type.DataType;

import java.util.Arrays;

/**
 * bool_and (every value TRUE), bool_or (some value TRUE), both NULL over no values; and
 * count_if (rows whose condition is TRUE; partial counts are added in a FINAL step).
 */
final class BooleanAccumulator implements Accumulator {
    enum Kind { AND, OR, COUNT_IF }

    private final Kind kind;
    private final int argument;
    private final boolean merge;
    private boolean[] seen = new boolean[16];
    private boolean[] values = new boolean[16];
    private long[] counts = new long[16];

    BooleanAccumulator(Kind kind, int argument, boolean merge) {
        this.kind = kind;
        this.argument = argument;
        this.merge = merge;
    }

    @Override
    public void add(Batch batch, int[] groupIds, int groupCount) {
        if (seen.length < groupCount) {
            int size = Math.max(groupCount, seen.length * 2);
            seen = Arrays.copyOf(seen, size);
            values = Arrays.copyOf(values, size);
            counts = Arrays.copyOf(counts, size);
        }
        if (batch.rowCount() == 0) {
            return;
        }
        ColumnVector column = batch.column(argument);
        for (int i = 0; i < batch.rowCount(); i++) {
            if (column.isNull(i)) {
                continue;
            }
            int g = groupIds[i];
            if (kind == Kind.COUNT_IF) {
                counts[g] += merge ? ((LongVector) column).get(i) : (((BooleanVector) column).get(i) ? 1 : 0);
                continue;
            }
            boolean value = ((BooleanVector) column).get(i);
            values[g] = !seen[g] ? value : kind == Kind.AND ? values[g] && value : values[g] || value;
            seen[g] = true;
        }
    }

    @Override
    public ColumnVector result(int groupCount) {
        if (kind == Kind.COUNT_IF) {
            return new LongVector(DataType.BIGINT, Arrays.copyOf(counts, groupCount), null, groupCount);
        }
        boolean[] nulls = null;
        for (int g = 0; g < groupCount; g++) {
            if (!seen[g]) {
                nulls = nulls == null ? new boolean[groupCount] : nulls;
                nulls[g] = true;
            }
        }
        return new BooleanVector(Arrays.copyOf(values, groupCount), nulls, groupCount);
    }
}
