package dev.shoal.exec.aggregate;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.LongVector;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.type.DataType;

import java.util.List;

/**
 * SINGLE_VALUE(x), the value of a scalar subquery: a row count and the value (the MAX of at most
 * one row is that row's value). Split into steps like any other aggregate: a PARTIAL step sends
 * (value, count), a FINAL one adds up the counts; only the result checks that a group had at most
 * one row, so that the error comes however the rows were spread over tasks.
 */
final class SingleValueAccumulator implements Accumulator {
    private final MinMaxAccumulator value;
    private final CountAccumulator rows;

    @Override
    public long retainedBytes() {
        return value.retainedBytes() + rows.retainedBytes();
    }

    /** {@code arguments}: the value column, and in a FINAL step ({@code merge}) the partial counts' column. */
    SingleValueAccumulator(List<Integer> arguments, DataType type, boolean merge) {
        this.value = new MinMaxAccumulator(arguments.get(0), type, true);
        this.rows = merge ? new CountAccumulator(arguments.get(1), true) : new CountAccumulator(-1, false);
    }

    @Override
    public void add(Batch batch, int[] groupIds, int groupCount) {
        value.add(batch, groupIds, groupCount);
        rows.add(batch, groupIds, groupCount);
    }

    @Override
    public ColumnVector result(int groupCount) {
        long[] counts = ((LongVector) rows.result(groupCount)).values();
        for (int group = 0; group < groupCount; group++) {
            if (counts[group] > 1) {
                throw new ShoalException(ErrorCode.SUBQUERY_MULTIPLE_ROWS, "Scalar sub-query has returned multiple rows");
            }
        }
        return value.result(groupCount);
    }

    @Override
    public List<ColumnVector> intermediate(int groupCount) {
        return List.of(value.result(groupCount), rows.result(groupCount));
    }
}
