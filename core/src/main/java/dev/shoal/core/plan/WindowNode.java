package dev.shoal.core.plan;

import dev.shoal.core.type.DataType;

import java.util.ArrayList;
import java.util.List;

/**
 * Window functions over partitions of the input (rows equal on {@code partitionKeys}), each
 * partition ordered by {@code orderKeys}. Output: the input columns, then one column per call.
 */
public record WindowNode(PlanNode input, List<Integer> partitionKeys, List<SortKey> orderKeys, List<WindowCall> calls)
        implements PlanNode {
    public WindowNode {
        partitionKeys = List.copyOf(partitionKeys);
        orderKeys = List.copyOf(orderKeys);
        calls = List.copyOf(calls);
    }

    @Override
    public List<DataType> outputTypes() {
        List<DataType> types = new ArrayList<>(input.outputTypes());
        calls.forEach(call -> types.add(call.type()));
        return types;
    }

    @Override
    public List<PlanNode> inputs() {
        return List.of(input);
    }

    @Override
    public <R, C> R accept(PlanVisitor<R, C> visitor, C context) {
        return visitor.visitWindow(this, context);
    }

    @Override
    public PlanNode withInputs(List<PlanNode> newInputs) {
        return new WindowNode(newInputs.get(0), partitionKeys, orderKeys, calls);
    }
}
