package dev.shoal.exec.task;

import dev.shoal.core.expr.Exprs;
import dev.shoal.core.plan.AggregateNode;
import dev.shoal.core.plan.DynamicFilterNode;
import dev.shoal.core.plan.ExchangeNode;
import dev.shoal.core.plan.JoinNode;
import dev.shoal.core.plan.RemoteSourceNode;
import dev.shoal.core.plan.FilterNode;
import dev.shoal.core.plan.LimitNode;
import dev.shoal.core.plan.PlanNode;
import dev.shoal.core.plan.ProjectNode;
import dev.shoal.core.plan.SortNode;
import dev.shoal.core.plan.TableScanNode;
import dev.shoal.core.plan.TopNNode;
import dev.shoal.core.plan.UnionNode;
import dev.shoal.core.plan.ValuesNode;
import dev.shoal.core.plan.WindowNode;
import dev.shoal.exec.dynamicfilter.DynamicFilterOperator;
import dev.shoal.exec.dynamicfilter.DynamicFilterPublisher;
import dev.shoal.exec.dynamicfilter.DynamicFilterRegistry;
import dev.shoal.exec.expression.ExpressionCompiler;
import dev.shoal.exec.join.HashJoinOperator;
import dev.shoal.exec.operator.FilterOperator;
import dev.shoal.exec.operator.HashAggregateOperator;
import dev.shoal.exec.operator.LimitOperator;
import dev.shoal.exec.operator.Operator;
import dev.shoal.exec.operator.ProjectOperator;
import dev.shoal.exec.operator.SortOperator;
import dev.shoal.exec.operator.TableScanOperator;
import dev.shoal.exec.operator.TopNOperator;
import dev.shoal.exec.operator.UnionOperator;
import dev.shoal.exec.operator.ValuesOperator;
import dev.shoal.exec.window.WindowOperator;
import dev.shoal.parquet.store.ObjectStore;

import java.util.function.Function;

/** Turns a plan fragment's tree into a tree of operators for one task. */
public final class OperatorTreeBuilder {
    private final ObjectStore store;
    private final TaskStats stats;
    private final Function<RemoteSourceNode, Operator> remoteSources;
    private final DynamicFilterRegistry dynamicFilters;
    private final String queryId;

    /**
     * {@code remoteSources} opens the receiving end of an exchange for this task;
     * {@code dynamicFilters} is where the joins of query {@code queryId} publish their build keys.
     */
    public OperatorTreeBuilder(ObjectStore store, TaskStats stats, Function<RemoteSourceNode, Operator> remoteSources,
                               DynamicFilterRegistry dynamicFilters, String queryId) {
        this.store = store;
        this.stats = stats;
        this.remoteSources = remoteSources;
        this.dynamicFilters = dynamicFilters;
        this.queryId = queryId;
    }

    public Operator build(PlanNode node) {
        if (node instanceof TableScanNode scan) {
            return new TableScanOperator(store, scan, stats);
        }
        if (node instanceof RemoteSourceNode remote) {
            return remoteSources.apply(remote);
        }
        if (node instanceof JoinNode join) {
            // The build side is built first, but the probe side is opened first: both exist before either runs.
            Operator probe = build(join.left());
            DynamicFilterPublisher publisher = join.dynamicFilterId() == JoinNode.NO_DYNAMIC_FILTER ? null
                    : new DynamicFilterPublisher(dynamicFilters, queryId, join.dynamicFilterId());
            return new HashJoinOperator(probe, build(join.right()), join, publisher);
        }
        if (node instanceof DynamicFilterNode filter) {
            return new DynamicFilterOperator(build(filter.input()), filter.targets(), dynamicFilters, queryId,
                    stats.rowsDynamicallyFiltered());
        }
        if (node instanceof ExchangeNode exchange) {
            throw new IllegalStateException("exchange left in a fragment: the fragmenter cuts plans at exchanges");
        }
        if (node instanceof WindowNode window) {
            return new WindowOperator(build(window.input()), window);
        }
        if (node instanceof UnionNode union) {
            return new UnionOperator(union.sources().stream().map(this::build).toList());
        }
        if (node instanceof ValuesNode values) {
            return new ValuesOperator(values);
        }
        if (node instanceof FilterNode filter) {
            return new FilterOperator(build(filter.input()),
                    Exprs.conjuncts(filter.predicate()).stream().map(ExpressionCompiler::compile).toList());
        }
        if (node instanceof ProjectNode project) {
            return new ProjectOperator(build(project.input()),
                    project.projections().stream().map(ExpressionCompiler::compile).toList());
        }
        if (node instanceof AggregateNode aggregate) {
            return new HashAggregateOperator(build(aggregate.input()), aggregate);
        }
        if (node instanceof SortNode sort) {
            return new SortOperator(build(sort.input()), sort.keys(), sort.outputTypes());
        }
        if (node instanceof TopNNode topN) {
            return new TopNOperator(build(topN.input()), topN.keys(), topN.outputTypes(), topN.count());
        }
        LimitNode limit = (LimitNode) node;
        return new LimitOperator(build(limit.input()), limit.offset(), limit.count());
    }
}
