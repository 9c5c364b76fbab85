package dev.shoal.core.plan;

import dev.shoal.core.type.DataType;

import java.util.List;

/** The first {@code count} rows in key order, keeping only that many rows in memory (ORDER BY ... LIMIT). */
public record TopNNode(PlanNode input, List<SortKey> keys, long count) implements PlanNode {
    public TopNNode {
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
        return visitor.visitTopN(this, context);
    }

    @Override
    public PlanNode withInputs(List<PlanNode> newInputs) {
        return new TopNNode(newInputs.get(0), keys, count);
    }
}
