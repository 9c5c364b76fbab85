package dev.shoal.exec.pipeline;

import dev.shoal.core.expr.Expr;
import dev.shoal.core.expr.Exprs;
import dev.shoal.core.expr.InputRef;
import dev.shoal.core.plan.AggregateNode;
import dev.shoal.core.plan.AggregateStep;
import dev.shoal.core.plan.DynamicFilterNode;
import dev.shoal.core.plan.DynamicFilterTarget;
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
import dev.shoal.exec.dynamicfilter.DynamicFilterChecks;
import dev.shoal.exec.dynamicfilter.DynamicFilterOperator;
import dev.shoal.exec.dynamicfilter.DynamicFilterPublisher;
import dev.shoal.exec.dynamicfilter.DynamicFilterRegistry;
import dev.shoal.exec.dynamicfilter.RowGroupFilter;
import dev.shoal.exec.exchange.ExchangeSource;
import dev.shoal.exec.expression.ExpressionCompiler;
import dev.shoal.exec.expression.VectorExpression;
import dev.shoal.exec.join.HashBuildOperator;
import dev.shoal.exec.join.HashJoinOperator;
import dev.shoal.exec.join.JoinBridge;
import dev.shoal.exec.memory.TaskMemory;
import dev.shoal.exec.operator.ConjunctSelector;
import dev.shoal.exec.operator.FilterOperator;
import dev.shoal.exec.operator.HashAggregateOperator;
import dev.shoal.exec.operator.LimitOperator;
import dev.shoal.exec.operator.Operator;
import dev.shoal.exec.operator.ProjectOperator;
import dev.shoal.exec.operator.ScanContext;
import dev.shoal.exec.operator.ScanFilter;
import dev.shoal.exec.operator.ScanUnits;
import dev.shoal.exec.operator.SortOperator;
import dev.shoal.exec.operator.TableScanOperator;
import dev.shoal.exec.operator.TableWriterOperator;
import dev.shoal.exec.operator.TopNOperator;
import dev.shoal.exec.operator.ValuesOperator;
import dev.shoal.exec.task.TaskStats;
import dev.shoal.exec.window.WindowOperator;
import dev.shoal.parquet.store.ObjectStore;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Cuts a fragment's plan into pipelines, each run by one or more drivers. A pipeline starts at a
 * source (the task's splits, an exchange, literal rows, another pipeline's output) and runs to a
 * sink. It is cut where drivers must meet: a join's build side (its sink fills the table the probe
 * drivers share), a final aggregation or a window (a local exchange hashes rows so that each
 * driver holds whole groups), a sort (each driver sorts a run; one driver merges them), a TopN or
 * a global aggregation (one driver finishes what each driver began), and a UNION's inputs.
 */
public final class PipelineBuilder {
    /** Makes one driver's instance of an operator; state shared by a pipeline's drivers is captured by the factory. */
    public interface OperatorFactory {
        Operator create(int driver);
    }

    /** A pipeline: its operator factories, source first and sink last, and how many drivers run it. */
    public record Pipeline(List<OperatorFactory> operators, int drivers) {
        public Pipeline {
            operators = List.copyOf(operators);
        }
    }

    /** A split this large may be worth cutting into pieces ({@link ScanUnits}): a few row groups of decoding. */
    private static final long CUTTABLE_SPLIT_BYTES = 4L << 20;

    private final ScanContext scans;
    private final ObjectStore store;
    private final TaskStats stats;
    private final Function<RemoteSourceNode, ExchangeSource> remoteSources;
    private final DynamicFilterRegistry dynamicFilters;
    private final TaskId taskId;
    private final TaskMemory memory;
    private final int concurrency;
    private final List<Pipeline> pipelines = new ArrayList<>();
    private final List<Runnable> releases = new ArrayList<>();

    /**
     * {@code remoteSources} opens the receiving end of an exchange for this task;
     * {@code dynamicFilters} is where the joins of the task's query publish their build keys;
     * {@code memory} is where each operator that holds data states how much;
     * {@code concurrency} is the most drivers a pipeline gets.
     */
    public PipelineBuilder(ScanContext scans, TaskStats stats, Function<RemoteSourceNode, ExchangeSource> remoteSources,
                           DynamicFilterRegistry dynamicFilters, TaskId taskId, TaskMemory memory, int concurrency) {
        this.scans = scans;
        this.store = scans.store();
        this.stats = stats;
        this.remoteSources = remoteSources;
        this.dynamicFilters = dynamicFilters;
        this.taskId = taskId;
        this.memory = memory;
        this.concurrency = Math.max(1, concurrency);
    }

    /** The pipelines of the plan, its output going into {@code sink}'s operators. */
    public List<Pipeline> build(PlanNode root, OperatorFactory sink) {
        Chain chain = root.accept(new Builder(), null);
        chain.add(sink);
        pipelines.add(chain.pipeline());
        return List.copyOf(pipelines);
    }

    /** What must be released when the task ends, however it ends (shared tables, runs, exchange inputs). */
    public List<Runnable> releases() {
        return List.copyOf(releases);
    }

    /** A pipeline being built: its operators so far and its driver count. */
    private static final class Chain {
        private final List<OperatorFactory> operators = new ArrayList<>();
        private final int drivers;

        Chain(int drivers, OperatorFactory source) {
            this.drivers = drivers;
            operators.add(source);
        }

        Chain add(OperatorFactory operator) {
            operators.add(operator);
            return this;
        }

        Pipeline pipeline() {
            return new Pipeline(operators, drivers);
        }
    }

    /** Ends {@code chain} in a local exchange and starts a chain of {@code consumers} drivers at its other end. */
    private Chain exchange(Chain chain, int consumers, List<Integer> hashKeys) {
        LocalExchange exchange = new LocalExchange(chain.drivers, consumers, hashKeys, memory.operator("LocalExchange"));
        chain.add(driver -> new LocalExchangeSinkOperator(exchange));
        pipelines.add(chain.pipeline());
        return new Chain(consumers, driver -> new LocalExchangeSourceOperator(exchange, driver));
    }

    /** The chain with one driver: as is, or after a local exchange gathering its drivers' rows. */
    private Chain single(Chain chain) {
        return chain.drivers == 1 ? chain : exchange(chain, 1, null);
    }

    /** The chain with rows of equal keys in the same driver. */
    private Chain hashed(Chain chain, List<Integer> keys) {
        if (chain.drivers == 1 && concurrency == 1) {
            return chain;
        }
        return keys.isEmpty() ? single(chain) : exchange(chain, concurrency, keys);
    }

    private static List<VectorExpression> compile(List<Expr> expressions) {
        return expressions.stream().map(ExpressionCompiler::compile).toList();
    }

    private final class Builder implements PlanVisitor<Chain, Void> {
        @Override
        public Chain visitTableScan(TableScanNode scan, Void context) {
            return scan(scan, null, null);
        }

        /**
         * {@code rowGroups}: the joins' filters that let the scan skip row groups, or null; {@code filters}: each
         * driver's {@link ScanFilter}, or null for a scan nothing filters.
         */
        private Chain scan(TableScanNode scan, RowGroupFilter rowGroups, Supplier<ScanFilter> filters) {
            int drivers = scanDrivers(scan);
            ScanUnits units = TableScanOperator.units(scan, drivers);
            return new Chain(drivers, driver -> new TableScanOperator(scans, scan, stats, units, memory.operator("TableScan"), rowGroups,
                    filters == null ? null : filters.get()));
        }

        /**
         * A driver a split, up to the task's concurrency; every driver when a split is large enough to be
         * worth cutting into pieces of row groups (a table of one large file is still read by every driver).
         */
        private int scanDrivers(TableScanNode scan) {
            boolean cuttable = scan.splits().stream().anyMatch(split -> split.bytes() >= CUTTABLE_SPLIT_BYTES);
            return Math.max(1, cuttable ? concurrency : Math.min(concurrency, scan.splits().size()));
        }

        @Override
        public Chain visitRemoteSource(RemoteSourceNode remote, Void context) {
            ExchangeSource source = remoteSources.apply(remote);
            releases.add(source::close);
            return new Chain(concurrency, driver -> new ExchangeSourceOperator(source));
        }

        @Override
        public Chain visitValues(ValuesNode values, Void context) {
            return new Chain(1, driver -> new ValuesOperator(values));
        }

        @Override
        public Chain visitJoin(JoinNode join, Void context) {
            return join(join, null);
        }

        /** A join whose probe drivers output only {@code outputColumns} of its columns (null: all). */
        private Chain join(JoinNode join, int[] outputColumns) {
            Chain probe = join.left().accept(this, null);
            Chain build = join.right().accept(this, null);
            DynamicFilterPublisher publisher = join.dynamicFilterId() == JoinNode.NO_DYNAMIC_FILTER ? null
                    : new DynamicFilterPublisher(dynamicFilters, taskId.queryId(), join.dynamicFilterId());
            JoinBridge bridge = new JoinBridge(join, build.drivers, probe.drivers, publisher, memory.operator("HashJoin"));
            releases.add(bridge::release);
            build.add(driver -> new HashBuildOperator(bridge, driver));
            pipelines.add(build.pipeline());
            return probe.add(driver -> new HashJoinOperator(bridge, outputColumns));
        }

        @Override
        public Chain visitDynamicFilter(DynamicFilterNode filter, Void context) {
            // The planner puts a dynamic filter right above its scan: the scan skips row groups by it, and filters rows.
            if (filter.input() instanceof TableScanNode scan) {
                return filteredScan(scan, List.of(), filter.targets());
            }
            return filter.input().accept(this, null).add(driver -> new DynamicFilterOperator(filter.targets(), dynamicFilters,
                    taskId.queryId(), stats.rowsDynamicallyFiltered()));
        }

        @Override
        public Chain visitTableWriter(TableWriterNode writer, Void context) {
            Chain input = writer.input().accept(this, null);
            // Hive wants one file per bucket: a bucketed write's rows meet in one driver (its exchange brought this task
            // whole buckets). Any other write runs in every driver, each writing files of its own.
            return (writer.bucketCount() > 0 ? single(input) : input)
                    .add(driver -> new TableWriterOperator(writer, store, taskId, driver, memory.operator("TableWriter")));
        }

        @Override
        public Chain visitExchange(ExchangeNode exchange, Void context) {
            throw new IllegalStateException("exchange left in a fragment: the fragmenter cuts plans at exchanges");
        }

        @Override
        public Chain visitWindow(WindowNode window, Void context) {
            return hashed(window.input().accept(this, null), window.partitionKeys())
                    .add(driver -> new WindowOperator(window, memory.operator("Window")));
        }

        @Override
        public Chain visitUnion(UnionNode union, Void context) {
            List<Chain> inputs = union.sources().stream().map(source -> source.accept(this, null)).toList();
            int producers = inputs.stream().mapToInt(chain -> chain.drivers).sum();
            LocalExchange exchange = new LocalExchange(producers, concurrency, null, memory.operator("LocalExchange"));
            for (Chain input : inputs) {
                input.add(driver -> new LocalExchangeSinkOperator(exchange));
                pipelines.add(input.pipeline());
            }
            return new Chain(concurrency, driver -> new LocalExchangeSourceOperator(exchange, driver));
        }

        @Override
        public Chain visitFilter(FilterNode filter, Void context) {
            List<Expr> conjuncts = Exprs.conjuncts(filter.predicate());
            if (filter.input() instanceof TableScanNode scan) {
                return filteredScan(scan, conjuncts, List.of());
            }
            if (filter.input() instanceof DynamicFilterNode dynamic && dynamic.input() instanceof TableScanNode scan) {
                return filteredScan(scan, conjuncts, dynamic.targets());
            }
            return filter.input().accept(this, null).add(driver -> new FilterOperator(compile(conjuncts)));
        }

        /**
         * A scan that applies the filters right over it itself ({@link ScanFilter}): a dynamic filter's
         * {@code targets} first, then the predicate's {@code conjuncts}, both rewritten to the columns they read.
         */
        private Chain filteredScan(TableScanNode scan, List<Expr> conjuncts, List<DynamicFilterTarget> targets) {
            BitSet read = new BitSet();
            conjuncts.forEach(conjunct -> Exprs.collectInputs(conjunct, read));
            targets.forEach(target -> read.set(target.column()));
            int[] columns = read.stream().toArray();
            int[] position = new int[scan.columns().size()];
            for (int i = 0; i < columns.length; i++) {
                position[columns[i]] = i;
            }
            List<Expr> remapped = conjuncts.stream().map(conjunct -> Exprs.remap(conjunct, position)).toList();
            List<DynamicFilterTarget> remappedTargets = targets.stream()
                    .map(t -> new DynamicFilterTarget(t.filterId(), t.keyIndex(), position[t.column()])).toList();
            RowGroupFilter rowGroups = targets.isEmpty() ? null : new RowGroupFilter(targets, dynamicFilters, taskId.queryId());
            return scan(scan, rowGroups, () -> new ScanFilter(columns,
                    remappedTargets.isEmpty() ? null : new DynamicFilterChecks(remappedTargets, dynamicFilters, taskId.queryId()),
                    remapped.isEmpty() ? null : new ConjunctSelector(compile(remapped)), stats.rowsDynamicallyFiltered()));
        }

        @Override
        public Chain visitProject(ProjectNode project, Void context) {
            if (project.input() instanceof JoinNode join && project.projections().stream().allMatch(InputRef.class::isInstance)) {
                // Columns picked right after a join: the join gathers only those.
                return join(join, project.projections().stream().mapToInt(e -> ((InputRef) e).index()).toArray());
            }
            return project.input().accept(this, null).add(driver -> new ProjectOperator(compile(project.projections())));
        }

        @Override
        public Chain visitAggregate(AggregateNode aggregate, Void context) {
            Chain input = aggregate.input().accept(this, null);
            // A partial aggregation's groups may repeat across drivers: the final step merges them.
            Chain chain = aggregate.step() == AggregateStep.PARTIAL ? input : hashed(input, aggregate.groupKeys());
            return chain.add(driver -> new HashAggregateOperator(aggregate, memory.operator("HashAggregate")));
        }

        @Override
        public Chain visitSort(SortNode sort, Void context) {
            Chain input = sort.input().accept(this, null)
                    .add(driver -> new SortOperator(sort.keys(), sort.outputTypes(), memory.operator("Sort")));
            if (input.drivers == 1) {
                return input;
            }
            SortedRuns runs = new SortedRuns(input.drivers, sort.keys(), sort.outputTypes(), memory.operator("SortedRuns"));
            releases.add(runs::release);
            input.add(driver -> new SortedRunSinkOperator(runs));
            pipelines.add(input.pipeline());
            return new Chain(1, driver -> new MergeSortedOperator(runs, memory.operator("MergeSort")));
        }

        @Override
        public Chain visitTopN(TopNNode topN, Void context) {
            OperatorFactory topNs = driver -> new TopNOperator(topN.keys(), topN.outputTypes(), topN.count(), memory.operator("TopN"));
            Chain input = topN.input().accept(this, null).add(topNs);
            return input.drivers == 1 ? input : single(input).add(topNs);
        }

        @Override
        public Chain visitLimit(LimitNode limit, Void context) {
            LimitOperator.SharedLimit shared = new LimitOperator.SharedLimit(limit.offset(), limit.count());
            return limit.input().accept(this, null).add(driver -> new LimitOperator(shared));
        }
    }
}
