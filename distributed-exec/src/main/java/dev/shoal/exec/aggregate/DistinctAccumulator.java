package dev.shoal.exec.aggregate;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.LongVector;
import dev.shoal.core.type.DataType;

import java.util.List;

/**
 * An aggregate over the distinct values of its argument per group (COUNT, SUM or AVG with
 * DISTINCT): a hash of the (group, value) pairs seen so far passes each pair's first row to the
 * plain aggregate and drops the others. NULL is one value like any other here; the aggregate
 * itself skips it.
 */
final class DistinctAccumulator implements Accumulator {
    private final int argument;
    private final Accumulator aggregate;
    private final GroupByHash pairs;

    @Override
    public long retainedBytes() {
        return pairs.retainedBytes() + aggregate.retainedBytes();
    }

    DistinctAccumulator(int argument, DataType argumentType, Accumulator aggregate) {
        this.argument = argument;
        this.aggregate = aggregate;
        this.pairs = GroupByHash.create(List.of(DataType.BIGINT, argumentType));
    }

    @Override
    public void add(Batch batch, int[] groupIds, int groupCount) {
        int rows = batch.rowCount();
        if (rows == 0) {
            aggregate.add(batch, groupIds, groupCount);
            return;
        }
        long[] groups = new long[rows];
        for (int i = 0; i < rows; i++) {
            groups[i] = groupIds[i];
        }
        int next = pairs.groupCount();
        int[] pairIds = pairs.assign(new ColumnVector[] {new LongVector(DataType.BIGINT, groups, null, rows), batch.column(argument)}, rows);
        // Pair ids are handed out in row order, so a pair's first row is the one that gets the next new id.
        int[] firsts = new int[rows];
        int kept = 0;
        for (int i = 0; i < rows; i++) {
            if (pairIds[i] == next) {
                firsts[kept++] = i;
                next++;
            }
        }
        int[] keptGroups = new int[kept];
        for (int i = 0; i < kept; i++) {
            keptGroups[i] = groupIds[firsts[i]];
        }
        aggregate.add(kept == rows ? batch : batch.take(firsts, kept), keptGroups, groupCount);
    }

    @Override
    public ColumnVector result(int groupCount) {
        return aggregate.result(groupCount);
    }
}
