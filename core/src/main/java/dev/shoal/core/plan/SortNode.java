package dev.shoal.core.plan;

import dev.shoal.core.type.DataType;

import java.util.List;

/** Orders all input rows by the keys. */
public record SortNode(PlanNode input, List<SortKey> keys) implements PlanNode {
    public SortNode {
        keys = List.copyOf(keys);
    }

    @Override
    public List<DataType> outputTypes() {
        return input.outputTypes();
    }

    @Override
    public List<PlanNode> inputs() {
        return List.of(input);
    }

    @Override
    public <R, C> R accept(PlanVisitor<R, C> visitor, C context) {
        return visitor.visitSort(this, context);
    }

    @Override
    public PlanNode withInputs(List<PlanNode> newInputs) {
        return new SortNode(newInputs.get(0), keys);
    }
}
