package dev.shoal.core.plan;

import dev.shoal.core.expr.Expr;
import dev.shoal.core.type.DataType;

import java.util.List;

/** Computes one output column per expression. */
public record ProjectNode(PlanNode input, List<Expr> projections) implements PlanNode {
    public ProjectNode {
        projections = List.copyOf(projections);
    }

    @Override
    public List<DataType> outputTypes() {
        return projections.stream().map(Expr::type).toList();
    }

    @Override
    public List<PlanNode> inputs() {
        return List.of(input);
    }

    @Override
    public <R, C> R accept(PlanVisitor<R, C> visitor, C context) {
        return visitor.visitProject(this, context);
    }

    @Override
    public PlanNode withInputs(List<PlanNode> newInputs) {
        return new ProjectNode(newInputs.get(0), projections);
    }
}
