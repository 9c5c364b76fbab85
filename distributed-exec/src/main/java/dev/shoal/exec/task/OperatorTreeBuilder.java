package dev.shoal.exec.task;

import dev.shoal.core.expr.Exprs;
import dev.shoal.core.plan.AggregateNode;
import dev.shoal.core.plan.DynamicFilterNode;
import dev.shoal.core.plan.ExchangeNode;
import dev.shoal.core.plan.FilterNode;
import dev.shoal.core.plan.JoinNode;
import dev.shoal.core.plan.LimitNode;
import dev.shoal.core.plan.PlanNode;
import dev.shoal.core.plan.PlanVisitor;
import dev.shoal.core.plan.ProjectNode;
import dev.shoal.core.plan.RemoteSourceNode;
import dev.shoal.core.plan.SortNode;
import dev.shoal.core.plan.TableScanNode;
import dev.shoal.core.plan.TableWriterNode;
import dev.shoal.core.plan.TopNNode;
import dev.shoal.core.plan.UnionNode;
import dev.shoal.core.plan.ValuesNode;
import dev.shoal.core.plan.WindowNode;
import dev.shoal.core.task.TaskId;
import dev.shoal.exec.dynamicfilter.DynamicFilterOperator;
import dev.shoal.exec.dynamicfilter.DynamicFilterPublisher;
import dev.shoal.exec.dynamicfilter.DynamicFilterRegistry;
import dev.shoal.exec.expression.ExpressionCompiler;
import dev.shoal.exec.join.HashJoinOperator;
import dev.shoal.exec.memory.TaskMemory;
import dev.shoal.exec.operator.FilterOperator;
import dev.shoal.exec.operator.HashAggregateOperator;
import dev.shoal.exec.operator.InterruptCheck;
import dev.shoal.exec.operator.LimitOperator;
import dev.shoal.exec.operator.Operator;
import dev.shoal.exec.operator.ProjectOperator;
import dev.shoal.exec.operator.SortOperator;
import dev.shoal.exec.operator.TableScanOperator;
import dev.shoal.exec.operator.TableWriterOperator;
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
    private final TaskId taskId;
    private final String queryId;
    private final TaskMemory memory;

    /**
     * {@code remoteSources} opens the receiving end of an exchange for this task;
     * {@code dynamicFilters} is where the joins of the task's query publish their build keys;
     * {@code memory} is where each operator that holds data states how much.
     */
    public OperatorTreeBuilder(ObjectStore store, TaskStats stats, Function<RemoteSourceNode, Operator> remoteSources,
                               DynamicFilterRegistry dynamicFilters, TaskId taskId, TaskMemory memory) {
        this.memory = memory;
        this.store = store;
        this.stats = stats;
        this.remoteSources = remoteSources;
        this.dynamicFilters = dynamicFilters;
        this.taskId = taskId;
        this.queryId = taskId.queryId();
    }

    public Operator build(PlanNode node) {
        return node.accept(new Builder(), null);
    }

    /** One operator per plan node, inputs first; each input pulled through an {@link InterruptCheck}. */
    private final class Builder implements PlanVisitor<Operator, Void> {
        private Operator input(PlanNode node) {
            return new InterruptCheck(node.accept(this, null));
        }

        @Override
        public Operator visitTableScan(TableScanNode scan, Void context) {
            return new TableScanOperator(store, scan, stats);
        }

        @Override
        public Operator visitRemoteSource(RemoteSourceNode remote, Void context) {
            return remoteSources.apply(remote);
        }

        @Override
        public Operator visitJoin(JoinNode join, Void context) {
            // The build side is built first, but the probe side is opened first: both exist before either runs.
            Operator probe = input(join.left());
            DynamicFilterPublisher publisher = join.dynamicFilterId() == JoinNode.NO_DYNAMIC_FILTER ? null
                    : new DynamicFilterPublisher(dynamicFilters, queryId, join.dynamicFilterId());
            return new HashJoinOperator(probe, input(join.right()), join, publisher, memory.operator("HashJoin"));
        }

        @Override
        public Operator visitDynamicFilter(DynamicFilterNode filter, Void context) {
            return new DynamicFilterOperator(input(filter.input()), filter.targets(), dynamicFilters, queryId,
                    stats.rowsDynamicallyFiltered());
        }

        @Override
        public Operator visitTableWriter(TableWriterNode writer, Void context) {
            return new TableWriterOperator(input(writer.input()), writer, store, taskId, memory.operator("TableWriter"));
        }

        @Override
        public Operator visitExchange(ExchangeNode exchange, Void context) {
            throw new IllegalStateException("exchange left in a fragment: the fragmenter cuts plans at exchanges");
        }

        @Override
        public Operator visitWindow(WindowNode window, Void context) {
            return new WindowOperator(input(window.input()), window, memory.operator("Window"));
        }

        @Override
        public Operator visitUnion(UnionNode union, Void context) {
            return new UnionOperator(union.sources().stream().map(this::input).toList());
        }

        @Override
        public Operator visitValues(ValuesNode values, Void context) {
            return new ValuesOperator(values);
        }

        @Override
        public Operator visitFilter(FilterNode filter, Void context) {
            return new FilterOperator(input(filter.input()),
                    Exprs.conjuncts(filter.predicate()).stream().map(ExpressionCompiler::compile).toList());
        }

        @Override
        public Operator visitProject(ProjectNode project, Void context) {
            return new ProjectOperator(input(project.input()),
                    project.projections().stream().map(ExpressionCompiler::compile).toList());
        }

        @Override
        public Operator visitAggregate(AggregateNode aggregate, Void context) {
            return new HashAggregateOperator(input(aggregate.input()), aggregate, memory.operator("HashAggregate"));
        }

        @Override
        public Operator visitSort(SortNode sort, Void context) {
            return new SortOperator(input(sort.input()), sort.keys(), sort.outputTypes(), memory.operator("Sort"));
        }

        @Override
        public Operator visitTopN(TopNNode topN, Void context) {
            return new TopNOperator(input(topN.input()), topN.keys(), topN.outputTypes(), topN.count(), memory.operator("TopN"));
        }

        @Override
        public Operator visitLimit(LimitNode limit, Void context) {
            return new LimitOperator(input(limit.input()), limit.offset(), limit.count());
        }
    }
}
