package dev.shoal.planner.distribute;

import dev.shoal.core.catalog.TableStatistics;
import dev.shoal.core.expr.Call;
import dev.shoal.core.expr.Expr;
import dev.shoal.core.expr.Exprs;
import dev.shoal.core.expr.InputRef;
import dev.shoal.core.expr.Literal;
import dev.shoal.core.expr.Op;
import dev.shoal.core.plan.AggregateCall;
import dev.shoal.core.plan.AggregateNode;
import dev.shoal.core.plan.AggregateStep;
import dev.shoal.core.plan.ExchangeKind;
import dev.shoal.core.plan.ExchangeNode;
import dev.shoal.core.plan.FilterNode;
import dev.shoal.core.plan.JoinDistribution;
import dev.shoal.core.plan.JoinNode;
import dev.shoal.core.plan.JoinType;
import dev.shoal.core.plan.LimitNode;
import dev.shoal.core.plan.LogicalPlanVisitor;
import dev.shoal.core.plan.PlanNode;
import dev.shoal.core.plan.PlanVisitor;
import dev.shoal.core.plan.ProjectNode;
import dev.shoal.core.plan.SortNode;
import dev.shoal.core.plan.TableScanNode;
import dev.shoal.core.plan.TableWriterNode;
import dev.shoal.core.plan.TopNNode;
import dev.shoal.core.plan.UnionNode;
import dev.shoal.core.plan.ValuesNode;
import dev.shoal.core.plan.WindowNode;
import dev.shoal.core.type.DataType;
import dev.shoal.planner.stats.CardinalityEstimator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Makes a single-node plan distributed: tracks how each subplan's rows are spread over tasks and
 * inserts an exchange wherever an operator needs another spread. Aggregations become PARTIAL →
 * HASH(group keys) → FINAL; joins broadcast their right side when its estimated size is under
 * the threshold (and, but for inner joins, not above the left side's) and hash-partition both sides otherwise, a broadcast inner or semi join sending
 * its build keys to the scans of its probe side as a dynamic filter; sorts, TopN and LIMIT finish in one task
 * after a GATHER (TopN and LIMIT pre-cut on every task first); a large single-task result about
 * to be aggregated is dealt ROUND_ROBIN to all workers.
 */
public final class DistributedPlanner {
    /** A single task's output larger than this is spread round-robin before an aggregation. */
    static final long ROUND_ROBIN_MIN_ROWS = 10_000;
    /**
     * A table whose rows, at this many bytes each, fit under the broadcast threshold is small
     * (half a million rows at the default threshold): it is scanned without waiting for a
     * dynamic filter, since reading it costs less than the wait, which chains the scan's latency
     * to the build side's.
     */
    static final long NOMINAL_ROW_BYTES = 64;
    /** A build side this small is broadcast whatever the probe side: its copies cost nothing. */
    static final long SMALL_BUILD_BYTES = 1 << 20;
    /** Build sides estimated below this are broadcast (--broadcast-threshold on the coordinator). */
    public static final long DEFAULT_BROADCAST_THRESHOLD_BYTES = 32L << 20;

    private final Function<String, TableStatistics> statistics;
    private final long broadcastThresholdBytes;

    public DistributedPlanner(Function<String, TableStatistics> statistics, long broadcastThresholdBytes) {
        this.statistics = statistics;
        this.broadcastThresholdBytes = broadcastThresholdBytes;
    }

    /** The plan with its exchanges; safe to call from any number of threads at once. */
    public PlanNode plan(PlanNode root) {
        return new Placement(new CardinalityEstimator(statistics), broadcastThresholdBytes).distribute(root);
    }

    private record Placed(PlanNode node, Distribution distribution) {
    }

    /** One plan's placement: the estimator remembers estimates by node, filter ids are numbered within the query. */
    private static final class Placement {
        private final CardinalityEstimator estimator;
        private final long broadcastThresholdBytes;
        private int nextDynamicFilterId;

        Placement(CardinalityEstimator estimator, long broadcastThresholdBytes) {
            this.estimator = estimator;
            this.broadcastThresholdBytes = broadcastThresholdBytes;
        }

        PlanNode distribute(PlanNode root) {
            return single(place(root));
        }

        private Placed place(PlanNode node) {
            return node.accept(placer, null);
        }

        /** Each node with where its rows are: exchanges inserted where a node needs them elsewhere. */
        private final PlanVisitor<Placed, Void> placer = new LogicalPlanVisitor<>() {
            @Override
            public Placed visitTableScan(TableScanNode scan, Void context) {
                return new Placed(scan, Distribution.SOURCE);
            }

            @Override
            public Placed visitValues(ValuesNode values, Void context) {
                return new Placed(values, Distribution.SINGLE);
            }

            @Override
            public Placed visitFilter(FilterNode filter, Void context) {
                Placed input = place(filter.input());
                return new Placed(new FilterNode(input.node(), filter.predicate()), input.distribution());
            }

            @Override
            public Placed visitProject(ProjectNode project, Void context) {
                return project(project);
            }

            @Override
            public Placed visitAggregate(AggregateNode aggregate, Void context) {
                return aggregate(aggregate);
            }

            @Override
            public Placed visitJoin(JoinNode join, Void context) {
                return join(join);
            }

            @Override
            public Placed visitUnion(UnionNode union, Void context) {
                return union(union);
            }

            @Override
            public Placed visitWindow(WindowNode window, Void context) {
                return window(window);
            }

            @Override
            public Placed visitSort(SortNode sort, Void context) {
                return new Placed(new SortNode(single(place(sort.input())), sort.keys()), Distribution.SINGLE);
            }

            @Override
            public Placed visitTopN(TopNNode topN, Void context) {
                Placed input = place(topN.input());
                PlanNode local = input.distribution().isSingle() ? input.node()
                        : exchange(new TopNNode(input.node(), topN.keys(), topN.count()), ExchangeKind.GATHER, List.of());
                return new Placed(new TopNNode(local, topN.keys(), topN.count()), Distribution.SINGLE);
            }

            /**
             * Each task writes the rows it holds: as many writers as the input has tasks, one when it is
             * single. A bucketed write first sends each row to the task of its Hive bucket (a column
             * computed for the exchange), so that each bucket of each partition is one task's files.
             */
            @Override
            public Placed visitTableWriter(TableWriterNode writer, Void context) {
                Placed input = place(writer.input());
                if (writer.bucketCount() > 0) {
                    List<Expr> projections = new ArrayList<>();
                    List<Expr> bucketArgs = new ArrayList<>();
                    List<DataType> types = input.node().outputTypes();
                    for (int i = 0; i < types.size(); i++) {
                        projections.add(new InputRef(i, types.get(i)));
                    }
                    for (int channel : writer.bucketChannels()) {
                        bucketArgs.add(new InputRef(channel, types.get(channel)));
                    }
                    bucketArgs.add(Literal.ofLong(writer.bucketCount(), DataType.INTEGER));
                    projections.add(new Call(Op.HIVE_BUCKET, bucketArgs, DataType.INTEGER));
                    PlanNode routed = exchange(new ProjectNode(input.node(), projections), ExchangeKind.HASH, List.of(types.size()));
                    return new Placed(writer.withInputs(List.of(routed)), Distribution.SOURCE);
                }
                return new Placed(writer.withInputs(List.of(input.node())),
                        input.distribution().isSingle() ? Distribution.SINGLE : Distribution.SOURCE);
            }

            @Override
            public Placed visitLimit(LimitNode limit, Void context) {
                Placed input = place(limit.input());
                PlanNode local = input.node();
                if (!input.distribution().isSingle()) {
                    local = exchange(limit.count() < 0 ? local : new LimitNode(local, 0, limit.offset() + limit.count()),
                            ExchangeKind.GATHER, List.of());
                }
                return new Placed(new LimitNode(local, limit.offset(), limit.count()), Distribution.SINGLE);
            }
        };

        private PlanNode single(Placed placed) {
            return placed.distribution().isSingle() ? placed.node() : exchange(placed.node(), ExchangeKind.GATHER, List.of());
        }

        private Placed project(ProjectNode project) {
            Placed input = place(project.input());
            Distribution distribution = input.distribution();
            if (distribution.kind() == Distribution.Kind.HASH) {
                // The hash property survives when every key column is projected as is.
                List<Integer> keys = new ArrayList<>();
                for (int key : distribution.keys()) {
                    int position = -1;
                    for (int i = 0; i < project.projections().size() && position < 0; i++) {
                        if (project.projections().get(i) instanceof InputRef ref && ref.index() == key) {
                            position = i;
                        }
                    }
                    if (position < 0) {
                        keys = null;
                        break;
                    }
                    keys.add(position);
                }
                distribution = keys == null ? Distribution.SOURCE : Distribution.hash(keys);
            }
            return new Placed(new ProjectNode(input.node(), project.projections()), distribution);
        }

        /**
         * UNION ALL of distributed inputs runs in every task, each task unioning its share of each
         * input; an input that sits in one task is dealt ROUND_ROBIN so that no row is repeated.
         */
        private Placed union(UnionNode union) {
            List<Placed> inputs = union.sources().stream().map(this::place).toList();
            if (inputs.stream().allMatch(input -> input.distribution().isSingle())) {
                return new Placed(new UnionNode(inputs.stream().map(Placed::node).toList()), Distribution.SINGLE);
            }
            List<PlanNode> sources = new ArrayList<>();
            for (Placed input : inputs) {
                sources.add(input.distribution().isSingle()
                        ? exchange(input.node(), ExchangeKind.ROUND_ROBIN, List.of()) : input.node());
            }
            return new Placed(new UnionNode(sources), Distribution.SOURCE);
        }

        /** A window needs each partition whole in one task: HASH on the PARTITION BY keys (GATHER without them). */
        private Placed window(WindowNode window) {
            Placed input = place(window.input());
            List<Integer> keys = window.partitionKeys();
            if (input.distribution().isSingle() || keys.isEmpty()) {
                return new Placed(window.withInputs(List.of(single(input))), Distribution.SINGLE);
            }
            PlanNode partitioned = input.distribution().kind() == Distribution.Kind.HASH && keys.containsAll(input.distribution().keys())
                    ? input.node() : exchange(input.node(), ExchangeKind.HASH, keys);
            Distribution distribution = partitioned == input.node() ? input.distribution() : Distribution.hash(keys);
            return new Placed(window.withInputs(List.of(partitioned)), distribution);
        }

        private Placed aggregate(AggregateNode aggregate) {
            Placed input = place(aggregate.input());
            List<Integer> keys = aggregate.groupKeys();
            List<Integer> outputKeys = IntStream.range(0, keys.size()).boxed().toList();
            if (input.distribution().isSingle()) {
                if (estimator.rows(input.node()) < ROUND_ROBIN_MIN_ROWS) {
                    return new Placed(aggregate.withInputs(List.of(input.node())), Distribution.SINGLE);
                }
                // Many rows in one task (after a LIMIT or TopN): deal them out to every worker, so that
                // the aggregation below runs in parallel instead of on the coordinator.
                input = new Placed(exchange(input.node(), ExchangeKind.ROUND_ROBIN, List.of()), Distribution.SOURCE);
            }
            Distribution inputSpread = input.distribution();
            if (inputSpread.kind() == Distribution.Kind.HASH && keys.containsAll(inputSpread.keys())) {
                // Equal keys already share a task: aggregate in place.
                List<Integer> spread = inputSpread.keys().stream().map(keys::indexOf).toList();
                return new Placed(aggregate.withInputs(List.of(input.node())), Distribution.hash(spread));
            }
            Distribution result = keys.isEmpty() ? Distribution.SINGLE : Distribution.hash(outputKeys);
            if (!aggregate.aggregates().isEmpty() && aggregate.aggregates().stream()
                    .allMatch(call -> call.distinct() && call.filter() < 0
                            && call.arguments().equals(aggregate.aggregates().get(0).arguments())
                            && call.arguments().size() == 1)) {
                // DISTINCT over one column: each task first drops duplicate (keys, value) pairs, then the
                // pairs are shuffled on the keys and the distinct aggregates computed once per group.
                int argument = aggregate.aggregates().get(0).arguments().get(0);
                List<Integer> pairKeys = new ArrayList<>(keys);
                pairKeys.add(argument);
                PlanNode deduplicated = new AggregateNode(input.node(), pairKeys, List.of());
                PlanNode shuffled = keys.isEmpty() ? exchange(deduplicated, ExchangeKind.GATHER, List.of())
                        : exchange(deduplicated, ExchangeKind.HASH, outputKeys);
                List<AggregateCall> calls = aggregate.aggregates().stream()
                        .map(call -> new AggregateCall(call.function(), List.of(keys.size()), true, call.type())).toList();
                return new Placed(new AggregateNode(shuffled, outputKeys, calls), result);
            }
            if (aggregate.aggregates().stream().anyMatch(AggregateCall::distinct)) {
                // Mixed DISTINCT and plain aggregates: shuffle the rows, aggregate once.
                PlanNode shuffled = keys.isEmpty() ? exchange(input.node(), ExchangeKind.GATHER, List.of())
                        : exchange(input.node(), ExchangeKind.HASH, keys);
                return new Placed(aggregate.withInputs(List.of(shuffled)), result);
            }
            AggregateNode partial = new AggregateNode(input.node(), keys, aggregate.aggregates(), AggregateStep.PARTIAL);
            List<DataType> inputTypes = input.node().outputTypes();
            List<AggregateCall> finalCalls = new ArrayList<>();
            int column = keys.size();
            for (AggregateCall call : aggregate.aggregates()) {
                DataType argumentType = call.arguments().isEmpty() ? null : inputTypes.get(call.arguments().get(0));
                int width = call.intermediateTypes(argumentType).size();
                List<Integer> arguments = IntStream.range(column, column + width).boxed().toList();
                finalCalls.add(new AggregateCall(call.function(), arguments, false, call.type()));
                column += width;
            }
            PlanNode shuffled = keys.isEmpty() ? exchange(partial, ExchangeKind.GATHER, List.of())
                    : exchange(partial, ExchangeKind.HASH, outputKeys);
            return new Placed(new AggregateNode(shuffled, outputKeys, finalCalls, AggregateStep.FINAL), result);
        }

        private Placed join(JoinNode join) {
            if (join.joinType() == JoinType.INNER && estimator.rows(join.right()) > estimator.rows(join.left())) {
                return place(swapped(join));
            }
            Placed left = place(join.left());
            Placed right = place(join.right());
            if (left.distribution().isSingle() && right.distribution().isSingle()) {
                // The placed inputs, not the join's own: each may be an aggregation that ran on every worker first.
                return new Placed(join.withInputs(List.of(left.node(), right.node())), Distribution.SINGLE);
            }
            boolean noKeys = join.leftKeys().isEmpty();
            boolean buildMayRepeat = !join.joinType().keepsUnmatchedRight();
            if (buildMayRepeat && (noKeys || left.distribution().isSingle() || broadcastIsCheaper(join))) {
                PlanNode build = left.distribution().isSingle()
                        ? single(right) : exchange(right.node(), ExchangeKind.BROADCAST, List.of());
                PlanNode probe = left.node();
                int filterId = JoinNode.NO_DYNAMIC_FILTER;
                if (!left.distribution().isSingle() && DynamicFilterPlacer.joinCanFilter(join.joinType())) {
                    // Every worker's join task holds the whole build side: the scans below can use its keys.
                    PlanNode filtered = DynamicFilterPlacer.place(probe, join, nextDynamicFilterId,
                            scan -> estimator.rows(scan) * NOMINAL_ROW_BYTES > broadcastThresholdBytes);
                    if (filtered != null) {
                        probe = filtered;
                        filterId = nextDynamicFilterId++;
                    }
                }
                JoinNode placed = new JoinNode(probe, build, join.joinType(), join.leftKeys(), join.rightKeys(),
                        join.filter(), JoinDistribution.BROADCAST, filterId);
                return new Placed(placed, left.distribution());
            }
            if (noKeys) {
                JoinNode placed = new JoinNode(single(left), single(right), join.joinType(), join.leftKeys(),
                        join.rightKeys(), join.filter(), null);
                return new Placed(placed, Distribution.SINGLE);
            }
            PlanNode probe = left.distribution().isHashOn(join.leftKeys()) ? left.node()
                    : exchange(left.node(), ExchangeKind.HASH, join.leftKeys());
            PlanNode build = right.distribution().isHashOn(join.rightKeys()) ? right.node()
                    : exchange(right.node(), ExchangeKind.HASH, join.rightKeys());
            JoinNode placed = new JoinNode(probe, build, join.joinType(), join.leftKeys(), join.rightKeys(), join.filter(),
                    JoinDistribution.PARTITIONED);
            // Unmatched right rows carry NULL left keys: the output is no longer partitioned on them.
            Distribution distribution = join.joinType().keepsUnmatchedRight()
                    ? Distribution.SOURCE : Distribution.hash(join.leftKeys());
            return new Placed(placed, distribution);
        }

        /**
         * Broadcasting sends the build side to every worker, partitioning sends each side once. An
         * inner join already builds on its smaller side and gains a dynamic filter from a broadcast:
         * under the threshold it is broadcast. Other joins keep their sides, and a semi or anti
         * join's build side can dwarf its probe side: with two workers or more, broadcast pays only
         * when the build side is no larger than the probe side, or tiny.
         */
        private boolean broadcastIsCheaper(JoinNode join) {
            double build = estimator.bytes(join.right());
            if (build > broadcastThresholdBytes) {
                return false;
            }
            return join.joinType() == JoinType.INNER || build <= estimator.bytes(join.left()) || build <= SMALL_BUILD_BYTES;
        }

        /** The same inner join with the smaller input on the right (the build side), columns in the original order. */
        private static PlanNode swapped(JoinNode join) {
            List<DataType> leftTypes = join.left().outputTypes();
            List<DataType> rightTypes = join.right().outputTypes();
            int leftCount = leftTypes.size();
            int rightCount = rightTypes.size();
            int[] mapping = new int[leftCount + rightCount];
            for (int i = 0; i < mapping.length; i++) {
                mapping[i] = i < leftCount ? rightCount + i : i - leftCount;
            }
            Expr filter = join.filter() == null ? null : Exprs.remap(join.filter(), mapping);
            JoinNode swapped = new JoinNode(join.right(), join.left(), JoinType.INNER, join.rightKeys(), join.leftKeys(),
                    filter, null);
            List<Expr> restore = new ArrayList<>();
            for (int i = 0; i < mapping.length; i++) {
                restore.add(new InputRef(mapping[i], i < leftCount ? leftTypes.get(i) : rightTypes.get(i - leftCount)));
            }
            return new ProjectNode(swapped, restore);
        }

        private ExchangeNode exchange(PlanNode input, ExchangeKind kind, List<Integer> keys) {
            return new ExchangeNode(input, kind, keys, Math.round(estimator.rows(input)));
        }
    }
}
