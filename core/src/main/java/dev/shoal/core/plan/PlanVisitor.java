package dev.shoal.core.plan;

/**
 * One pass over a plan, one method per node type (Trino's PlanVisitor): a pass implements them
 * all, so that a new node type is a compile error in every pass until each decides what it means
 * there. {@code C} is what the pass hands down (use {@code Void} for nothing).
 */
public interface PlanVisitor<R, C> {
    R visitTableScan(TableScanNode node, C context);

    R visitValues(ValuesNode node, C context);

    R visitFilter(FilterNode node, C context);

    R visitProject(ProjectNode node, C context);

    R visitAggregate(AggregateNode node, C context);

    R visitSort(SortNode node, C context);

    R visitTopN(TopNNode node, C context);

    R visitLimit(LimitNode node, C context);

    R visitJoin(JoinNode node, C context);

    R visitExchange(ExchangeNode node, C context);

    R visitRemoteSource(RemoteSourceNode node, C context);

    R visitUnion(UnionNode node, C context);

    R visitWindow(WindowNode node, C context);

    R visitDynamicFilter(DynamicFilterNode node, C context);

    R visitTableWriter(TableWriterNode node, C context);
}
