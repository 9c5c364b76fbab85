package dev.shoal.core.plan;

import dev.shoal.core.type.DataType;

import java.util.List;

/**
 * Drops the rows of its input that cannot find a partner in a join further up: once the join
 * has built its hash table it publishes its build keys, and each target column must hold one of
 * them. The distributed planner puts it above a table scan on the probe side of an inner or semi
 * join whose build side is broadcast, so the join task on the scan's own worker knows every key.
 * Rows dropped here would have found no match: the join itself still checks every row.
 */
public record DynamicFilterNode(PlanNode input, List<DynamicFilterTarget> targets) implements PlanNode {
    public DynamicFilterNode {
        targets = List.copyOf(targets);
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
        return visitor.visitDynamicFilter(this, context);
    }

    @Override
    public PlanNode withInputs(List<PlanNode> newInputs) {
        return new DynamicFilterNode(newInputs.get(0), targets);
    }
}
