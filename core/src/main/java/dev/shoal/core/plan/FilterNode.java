package dev.shoal.core.plan;

import dev.shoal.core.expr.Expr;
import dev.shoal.core.type.DataType;

import java.util.List;

/** Keeps the rows for which {@code predicate} is TRUE. */
public record FilterNode(PlanNode input, Expr predicate) implements PlanNode {
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
        return visitor.visitFilter(this, context);
    }

    @Override
    public PlanNode withInputs(List<PlanNode> newInputs) {
        return new FilterNode(newInputs.get(0), predicate);
    }
}
