package dev.shoal.core.plan;

import dev.shoal.core.type.DataType;

import java.util.List;

/**
 * The leaf a fragment reads another fragment's output through: the receiving end of an exchange.
 * The task descriptor says where the source fragment's tasks run.
 */
public record RemoteSourceNode(int sourceFragmentId, ExchangeKind kind, List<DataType> types) implements PlanNode {
    public RemoteSourceNode {
        types = List.copyOf(types);
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
        return visitor.visitRemoteSource(this, context);
    }

    @Override
    public PlanNode withInputs(List<PlanNode> newInputs) {
        return this;
    }
}
