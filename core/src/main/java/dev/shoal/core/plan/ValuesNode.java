package dev.shoal.core.plan;

import dev.shoal.core.type.DataType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Literal rows (internal representation, see {@link dev.shoal.core.expr.Literal}). */
public record ValuesNode(List<DataType> types, List<List<Object>> rows) implements PlanNode {
    public ValuesNode {
        types = List.copyOf(types);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }

    @Override
    public List<DataType> outputTypes() {
        return types;
    }

    @Override
    public List<PlanNode> inputs() {
        return List.of();
    }

    @Override
    public <R, C> R accept(PlanVisitor<R, C> visitor, C context) {
        return visitor.visitValues(this, context);
    }

    @Override
    public PlanNode withInputs(List<PlanNode> newInputs) {
        return this;
    }
}
