package dev.shoal.core.plan;

import dev.shoal.core.expr.Expr;
import dev.shoal.core.type.DataType;

import java.util.ArrayList;
import java.util.List;

/**
 * A hash join: the right input is built into a hash table on {@code rightKeys}, the left input
 * probes it with {@code leftKeys}. {@code filter}, when present, is a further condition over the
 * left columns followed by the right columns. Output: left columns, then right columns (left only
 * for SEMI and ANTI). {@code distribution} is null until the distributed planner chooses one.
 * {@code dynamicFilterId}, when not {@link #NO_DYNAMIC_FILTER}, names the dynamic filter this
 * join publishes from its build keys (see {@link DynamicFilterNode}).
 */
public record JoinNode(PlanNode left, PlanNode right, JoinType joinType, List<Integer> leftKeys,
                       List<Integer> rightKeys, Expr filter, JoinDistribution distribution, int dynamicFilterId)
        implements PlanNode {
    public static final int NO_DYNAMIC_FILTER = -1;

    public JoinNode(PlanNode left, PlanNode right, JoinType joinType, List<Integer> leftKeys,
                    List<Integer> rightKeys, Expr filter, JoinDistribution distribution) {
        this(left, right, joinType, leftKeys, rightKeys, filter, distribution, NO_DYNAMIC_FILTER);
    }

    public JoinNode {
        leftKeys = List.copyOf(leftKeys);
        rightKeys = List.copyOf(rightKeys);
        if (leftKeys.size() != rightKeys.size()) {
            throw new IllegalArgumentException("join keys differ in number: " + leftKeys + " and " + rightKeys);
        }
    }

    public JoinNode withDistribution(JoinDistribution newDistribution) {
        return new JoinNode(left, right, joinType, leftKeys, rightKeys, filter, newDistribution, dynamicFilterId);
    }

    @Override
    public List<DataType> outputTypes() {
        List<DataType> types = new ArrayList<>(left.outputTypes());
        if (joinType.outputsRight()) {
            types.addAll(right.outputTypes());
        }
        return types;
    }

    @Override
    public List<PlanNode> inputs() {
        return List.of(left, right);
    }

    @Override
    public <R, C> R accept(PlanVisitor<R, C> visitor, C context) {
        return visitor.visitJoin(this, context);
    }

    @Override
    public PlanNode withInputs(List<PlanNode> newInputs) {
        return new JoinNode(newInputs.get(0), newInputs.get(1), joinType, leftKeys, rightKeys, filter, distribution,
                dynamicFilterId);
    }
}
