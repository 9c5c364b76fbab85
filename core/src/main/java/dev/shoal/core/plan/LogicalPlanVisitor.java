package dev.shoal.core.plan;

/**
 * A pass over a logical plan, before the distributed planner adds exchanges, remote sources and
 * dynamic filters: meeting one of those is a bug in the caller, reported by name.
 */
public abstract class LogicalPlanVisitor<R, C> implements PlanVisitor<R, C> {
    @Override
    public R visitExchange(ExchangeNode node, C context) {
        throw distributedNode(node);
    }

    @Override
    public R visitRemoteSource(RemoteSourceNode node, C context) {
        throw distributedNode(node);
    }

    @Override
    public R visitDynamicFilter(DynamicFilterNode node, C context) {
        throw distributedNode(node);
    }

    private IllegalStateException distributedNode(PlanNode node) {
        return new IllegalStateException(getClass().getSimpleName() + " runs on logical plans, before distribution; found "
                + node.getClass().getSimpleName());
    }
}
