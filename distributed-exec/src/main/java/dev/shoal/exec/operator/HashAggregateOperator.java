package dev.shoal.exec.operator;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.BooleanVector;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.plan.AggregateCall;
import dev.shoal.core.plan.AggregateNode;
import dev.shoal.core.plan.AggregateStep;
import dev.shoal.core.type.DataType;
import dev.shoal.exec.aggregate.Accumulator;
import dev.shoal.exec.aggregate.Accumulators;
import dev.shoal.exec.aggregate.GroupByHash;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * GROUP BY with a hash table: consumes all input, then emits keys and aggregates. Without keys it
 * is a global aggregate and emits exactly one row, even over no input.
 */
public final class HashAggregateOperator implements Operator {
    private final Operator input;
    private final List<Integer> groupKeys;
    private final boolean partial;
    private final List<Accumulator> accumulators = new ArrayList<>();
    private final List<AggregateCall> calls;
    private final GroupByHash hash;
    private Iterator<Batch> output;

    public HashAggregateOperator(Operator input, AggregateNode node) {
        this.input = input;
        this.groupKeys = node.groupKeys();
        this.partial = node.step() == AggregateStep.PARTIAL;
        this.calls = node.aggregates();
        List<DataType> inputTypes = node.input().outputTypes();
        List<DataType> keyTypes = groupKeys.stream().map(inputTypes::get).toList();
        this.hash = GroupByHash.create(keyTypes);
        for (AggregateCall call : node.aggregates()) {
            accumulators.add(Accumulators.create(call, inputTypes, node.step()));
        }
    }

    @Override
    public Batch next() {
        if (output == null) {
            consumeInput();
        }
        return output.hasNext() ? output.next() : null;
    }

    private void consumeInput() {
        boolean global = groupKeys.isEmpty();
        for (Batch batch = input.next(); batch != null; batch = input.next()) {
            int[] groupIds;
            int groupCount;
            if (global) {
                groupIds = new int[batch.rowCount()];
                groupCount = 1;
            } else {
                ColumnVector[] keys = new ColumnVector[groupKeys.size()];
                for (int k = 0; k < keys.length; k++) {
                    keys[k] = batch.column(groupKeys.get(k));
                }
                groupIds = hash.assign(keys, batch.rowCount());
                groupCount = hash.groupCount();
            }
            for (int a = 0; a < accumulators.size(); a++) {
                int filter = calls.get(a).filter();
                if (filter < 0) {
                    accumulators.get(a).add(batch, groupIds, groupCount);
                } else {
                    // Rows the FILTER rejects go to a spare group past the last, never read back.
                    accumulators.get(a).add(batch, filtered(groupIds, (BooleanVector) batch.column(filter), groupCount),
                            groupCount + 1);
                }
            }
        }
        int groups = global ? 1 : hash.groupCount();
        if (global) {
            // Sizes the state for the single group even when no row arrived.
            Batch empty = new Batch(List.of(), 0);
            for (Accumulator accumulator : accumulators) {
                accumulator.add(empty, new int[0], 1);
            }
        }
        List<ColumnVector> columns = new ArrayList<>(global ? List.of() : hash.keyVectors());
        for (Accumulator accumulator : accumulators) {
            if (partial) {
                columns.addAll(accumulator.intermediate(groups));
            } else {
                columns.add(accumulator.result(groups));
            }
        }
        output = groups == 0 ? List.<Batch>of().iterator()
                : Batches.split(new Batch(columns, groups), SortOperator.OUTPUT_BATCH_ROWS).iterator();
    }

    private static int[] filtered(int[] groupIds, BooleanVector keep, int spareGroup) {
        int[] ids = groupIds.clone();
        for (int i = 0; i < ids.length; i++) {
            if (!keep.isTrue(i)) {
                ids[i] = spareGroup;
            }
        }
        return ids;
    }

    @Override
    public void close() {
        output = null;
        input.close();
    }
}
