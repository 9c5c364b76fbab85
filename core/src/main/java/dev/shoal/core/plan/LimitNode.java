package dev.shoal.core.plan;

import dev.shoal.core.type.DataType;

import java.util.List;

/** Skips {@code offset} rows, then passes at most {@code count} rows ({@code count < 0}: no limit). */
public record LimitNode(PlanNode input, long offset, long count) implements PlanNode {
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
        return visitor.visitLimit(this, context);
    }

    @Override
    public PlanNode withInputs(List<PlanNode> newInputs) {
        return new LimitNode(newInputs.get(0), offset, count);
    }
}
