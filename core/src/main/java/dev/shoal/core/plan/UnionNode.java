package dev.shoal.core.plan;

import dev.shoal.core.type.DataType;

import java.util.List;

/** UNION ALL: the rows of every input, input after input. Inputs have the same column types. */
public record UnionNode(List<PlanNode> sources) implements PlanNode {
    public UnionNode {
        sources = List.copyOf(sources);
        if (sources.size() < 2) {
            throw new IllegalArgumentException("a union needs at least two inputs");
        }
    }

    @Override
    public List<DataType> outputTypes() {
        return sources.get(0).outputTypes();
    }

    @Override
    public List<PlanNode> inputs() {
        return sources;
    }

    @Override
    public <R, C> R accept(PlanVisitor<R, C> visitor, C context) {
        return visitor.visitUnion(this, context);
    }

    @Override
    public PlanNode withInputs(List<PlanNode> newInputs) {
        return new UnionNode(newInputs);
    }
}
