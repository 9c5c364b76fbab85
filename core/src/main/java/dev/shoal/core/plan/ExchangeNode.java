package dev.shoal.core.plan;

import dev.shoal.core.type.DataType;

import java.util.List;

/**
 * Where the distribution of rows must change: the planner inserts it, the fragmenter cuts the
 * plan here. {@code keys} are the hash columns of a HASH exchange (empty otherwise);
 * {@code estimatedRows} is the planner's estimate of the rows crossing it.
 */
public record ExchangeNode(PlanNode input, ExchangeKind kind, List<Integer> keys, long estimatedRows) implements PlanNode {
    public ExchangeNode {
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
        return visitor.visitExchange(this, context);
    }

    @Override
    public PlanNode withInputs(List<PlanNode> newInputs) {
        return new ExchangeNode(newInputs.get(0), kind, keys, estimatedRows);
    }
}
