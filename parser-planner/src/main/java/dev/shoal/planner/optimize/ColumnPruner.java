package dev.shoal.planner.optimize;

import dev.shoal.core.expr.Expr;
import dev.shoal.core.expr.Exprs;
import dev.shoal.core.expr.InputRef;
import dev.shoal.core.plan.AggregateCall;
import dev.shoal.core.plan.AggregateNode;
import dev.shoal.core.plan.FilterNode;
import dev.shoal.core.plan.JoinNode;
import dev.shoal.core.plan.LimitNode;
import dev.shoal.core.plan.LogicalPlanVisitor;
import dev.shoal.core.plan.PlanNode;
import dev.shoal.core.plan.PlanVisitor;
import dev.shoal.core.plan.ProjectNode;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.core.plan.SortKey;
import dev.shoal.core.plan.SortNode;
import dev.shoal.core.plan.TableScanNode;
import dev.shoal.core.plan.TableWriterNode;
import dev.shoal.core.plan.TopNNode;
import dev.shoal.core.plan.UnionNode;
import dev.shoal.core.plan.ValuesNode;
import dev.shoal.core.plan.WindowCall;
import dev.shoal.core.plan.WindowNode;
import dev.shoal.core.type.DataType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Removes columns no one reads, top-down, so that scans fetch only the column chunks the query
 * needs. Each step returns the new node and where each old output column went (-1: dropped).
 */
public final class ColumnPruner {
    private ColumnPruner() {
    }

    public static PlanNode prune(PlanNode root) {
        BitSet all = new BitSet();
        all.set(0, root.outputTypes().size());
        return prune(root, all).node();
    }

    private record Pruned(PlanNode node, int[] mapping) {
    }

    /**
     * Columns only the predicate reads go right after the filter, before a join or an exchange
     * copies them (TPC-H Q13 broadcast every o_comment its NOT LIKE had already tested).
     */
    private static Pruned dropPredicateOnlyColumns(FilterNode filter, int[] mapping, BitSet required) {
        List<Expr> kept = new ArrayList<>();
        int[] outMapping = new int[mapping.length];
        Arrays.fill(outMapping, -1);
        boolean dropsAny = false;
        for (int i = 0; i < mapping.length; i++) {
            if (mapping[i] < 0) {
                continue;
            }
            if (required.get(i)) {
                outMapping[i] = kept.size();
                kept.add(new InputRef(mapping[i], filter.outputTypes().get(mapping[i])));
            } else {
                dropsAny = true;
            }
        }
        if (!dropsAny || kept.isEmpty()) {
            return new Pruned(filter, mapping);
        }
        return new Pruned(new ProjectNode(filter, kept), outMapping);
    }

    private static Pruned prune(PlanNode node, BitSet required) {
        return node.accept(PRUNER, required);
    }

    /** Each node keeps the columns {@code required} of its output and what it reads itself. */
    private static final PlanVisitor<Pruned, BitSet> PRUNER = new LogicalPlanVisitor<>() {
        @Override
        public Pruned visitTableScan(TableScanNode scan, BitSet required) {
            return scan(scan, required);
        }

        @Override
        public Pruned visitValues(ValuesNode values, BitSet required) {
            return identity(values);
        }

        @Override
        public Pruned visitFilter(FilterNode filter, BitSet required) {
            BitSet needed = (BitSet) required.clone();
            collect(filter.predicate(), needed);
            Pruned input = prune(filter.input(), needed);
            return dropPredicateOnlyColumns(new FilterNode(input.node(), remap(filter.predicate(), input.mapping())),
                    input.mapping(), required);
        }

        @Override
        public Pruned visitProject(ProjectNode project, BitSet required) {
            BitSet needed = new BitSet();
            int[] mapping = new int[project.projections().size()];
            Arrays.fill(mapping, -1);
            List<Expr> kept = new ArrayList<>();
            for (int i = 0; i < project.projections().size(); i++) {
                if (required.get(i)) {
                    collect(project.projections().get(i), needed);
                    mapping[i] = kept.size();
                    kept.add(project.projections().get(i));
                }
            }
            Pruned input = prune(project.input(), needed);
            List<Expr> rewritten = kept.stream().map(e -> remap(e, input.mapping())).toList();
            return new Pruned(project(input.node(), rewritten), mapping);
        }

        @Override
        public Pruned visitAggregate(AggregateNode aggregate, BitSet required) {
            BitSet needed = new BitSet();
            aggregate.groupKeys().forEach(needed::set);
            aggregate.aggregates().forEach(call -> call.arguments().forEach(needed::set));
            aggregate.aggregates().stream().filter(call -> call.filter() >= 0).forEach(call -> needed.set(call.filter()));
            Pruned input = prune(aggregate.input(), needed);
            List<Integer> keys = aggregate.groupKeys().stream().map(k -> input.mapping()[k]).toList();
            List<AggregateCall> calls = aggregate.aggregates().stream().map(call -> new AggregateCall(call.function(),
                    call.arguments().stream().map(a -> input.mapping()[a]).toList(), call.distinct(), call.type(),
                    call.filter() < 0 ? -1 : input.mapping()[call.filter()])).toList();
            return identity(new AggregateNode(input.node(), keys, calls, aggregate.step()));
        }

        @Override
        public Pruned visitSort(SortNode sort, BitSet required) {
            Pruned input = prune(sort.input(), withKeys(required, sort.keys()));
            return new Pruned(new SortNode(input.node(), remapKeys(sort.keys(), input.mapping())), input.mapping());
        }

        @Override
        public Pruned visitTopN(TopNNode topN, BitSet required) {
            Pruned input = prune(topN.input(), withKeys(required, topN.keys()));
            return new Pruned(new TopNNode(input.node(), remapKeys(topN.keys(), input.mapping()), topN.count()), input.mapping());
        }

        @Override
        public Pruned visitTableWriter(TableWriterNode writer, BitSet required) {
            // Every column is written, in order.
            int width = writer.input().outputTypes().size();
            BitSet all = new BitSet();
            all.set(0, width);
            Pruned input = keepOnly(prune(writer.input(), all), all, width);
            return identity(writer.withInputs(List.of(input.node())));
        }

        @Override
        public Pruned visitLimit(LimitNode limit, BitSet required) {
            Pruned input = prune(limit.input(), required);
            return new Pruned(new LimitNode(input.node(), limit.offset(), limit.count()), input.mapping());
        }

        @Override
        public Pruned visitJoin(JoinNode join, BitSet required) {
            return join(join, required);
        }

        @Override
        public Pruned visitWindow(WindowNode window, BitSet required) {
            return window(window, required);
        }

        @Override
        public Pruned visitUnion(UnionNode union, BitSet required) {
            // Every input keeps the same columns, so that they line up; COUNT(*) above reads the first.
            BitSet columns = required;
            if (columns.isEmpty()) {
                columns = new BitSet();
                columns.set(0);
            }
            List<PlanNode> sources = new ArrayList<>();
            int[] mapping = null;
            for (PlanNode source : union.sources()) {
                Pruned pruned = prune(source, columns);
                Pruned aligned = keepOnly(pruned, columns, source.outputTypes().size());
                sources.add(aligned.node());
                mapping = aligned.mapping();
            }
            return new Pruned(new UnionNode(sources), mapping);
        }
    };

    /** Each side keeps what the output needs plus its keys and what the join condition reads. */
    private static Pruned join(JoinNode join, BitSet required) {
        int leftCount = join.left().outputTypes().size();
        BitSet combined = (BitSet) required.clone();
        if (join.filter() != null) {
            collect(join.filter(), combined);
        }
        BitSet leftNeeded = combined.get(0, leftCount);
        BitSet rightNeeded = combined.get(leftCount, Math.max(leftCount, combined.length()));
        join.leftKeys().forEach(leftNeeded::set);
        join.rightKeys().forEach(rightNeeded::set);
        Pruned left = prune(join.left(), leftNeeded);
        Pruned right = prune(join.right(), rightNeeded);
        int newLeftCount = left.node().outputTypes().size();
        int[] mapping = new int[leftCount + join.right().outputTypes().size()];
        for (int i = 0; i < mapping.length; i++) {
            int m = i < leftCount ? left.mapping()[i] : right.mapping()[i - leftCount];
            mapping[i] = m < 0 ? -1 : i < leftCount ? m : m + newLeftCount;
        }
        JoinNode pruned = new JoinNode(left.node(), right.node(), join.joinType(),
                join.leftKeys().stream().map(k -> left.mapping()[k]).toList(),
                join.rightKeys().stream().map(k -> right.mapping()[k]).toList(),
                join.filter() == null ? null : remap(join.filter(), mapping), join.distribution());
        int outputs = join.joinType().outputsRight() ? mapping.length : leftCount;
        return dropJoinOnlyColumns(new Pruned(pruned, Arrays.copyOf(mapping, outputs)), required);
    }

    /**
     * Keys and condition columns that only the join reads go right after it, so that the next join, exchange or
     * aggregation does not copy them: TPC-H Q9 broadcast the keys of two joins already done, 14 columns where 7 were read.
     */
    private static Pruned dropJoinOnlyColumns(Pruned join, BitSet required) {
        int[] mapping = join.mapping();
        BitSet kept = new BitSet();
        for (int i = 0; i < mapping.length; i++) {
            if (mapping[i] >= 0 && required.get(i)) {
                kept.set(i);
            }
        }
        if (kept.isEmpty() || kept.cardinality() == join.node().outputTypes().size()) {
            return join;
        }
        return keepOnly(join, kept, mapping.length);
    }

    /** Keeps the calls someone reads, and the input columns they, the keys and the output need. */
    private static Pruned window(WindowNode window, BitSet required) {
        int inputCount = window.input().outputTypes().size();
        BitSet needed = required.get(0, inputCount);
        window.partitionKeys().forEach(needed::set);
        window.orderKeys().forEach(key -> needed.set(key.field()));
        List<Integer> keptCalls = new ArrayList<>();
        for (int c = 0; c < window.calls().size(); c++) {
            if (required.get(inputCount + c)) {
                keptCalls.add(c);
                window.calls().get(c).arguments().forEach(argument -> collect(argument, needed));
            }
        }
        Pruned input = prune(window.input(), needed);
        if (keptCalls.isEmpty()) {
            return input;
        }
        int width = input.node().outputTypes().size();
        int[] mapping = Arrays.copyOf(input.mapping(), inputCount + window.calls().size());
        Arrays.fill(mapping, inputCount, mapping.length, -1);
        List<WindowCall> calls = new ArrayList<>();
        for (int c : keptCalls) {
            WindowCall call = window.calls().get(c);
            mapping[inputCount + c] = width + calls.size();
            calls.add(new WindowCall(call.function(), call.arguments().stream().map(a -> remap(a, input.mapping())).toList(),
                    call.frame(), call.type()));
        }
        return new Pruned(new WindowNode(input.node(), window.partitionKeys().stream().map(k -> input.mapping()[k]).toList(),
                remapKeys(window.orderKeys(), input.mapping()), calls), mapping);
    }

    /**
     * {@code projections} over {@code input}, merged into a projection below when one only picks columns
     * (pruning stacks them: a join's own, then its parent's), and left out when it picks every column in order.
     */
    private static PlanNode project(PlanNode input, List<Expr> projections) {
        if (isIdentity(projections, input.outputTypes().size())) {
            return input;
        }
        if (input instanceof ProjectNode below) {
            if (below.projections().stream().allMatch(InputRef.class::isInstance)) {
                int[] picked = below.projections().stream().mapToInt(e -> ((InputRef) e).index()).toArray();
                return project(below.input(), projections.stream().map(e -> remap(e, picked)).toList());
            }
            if (picksEachAtMostOnce(projections)) {
                return project(below.input(), projections.stream().map(e -> below.projections().get(((InputRef) e).index())).toList());
            }
        }
        return new ProjectNode(input, projections);
    }

    private static boolean isIdentity(List<Expr> projections, int width) {
        if (projections.size() != width) {
            return false;
        }
        for (int i = 0; i < width; i++) {
            if (!(projections.get(i) instanceof InputRef ref) || ref.index() != i) {
                return false;
            }
        }
        return true;
    }

    /** Whether every projection is a column and none is picked twice (merging then computes nothing twice). */
    private static boolean picksEachAtMostOnce(List<Expr> projections) {
        BitSet seen = new BitSet();
        for (Expr e : projections) {
            if (!(e instanceof InputRef ref) || seen.get(ref.index())) {
                return false;
            }
            seen.set(ref.index());
        }
        return true;
    }

    /** A projection over {@code pruned} with exactly the {@code required} columns, in order. */
    private static Pruned keepOnly(Pruned pruned, BitSet required, int width) {
        List<Expr> projections = new ArrayList<>();
        int[] mapping = new int[width];
        Arrays.fill(mapping, -1);
        List<DataType> types = pruned.node().outputTypes();
        for (int i = 0; i < width; i++) {
            if (required.get(i)) {
                mapping[i] = projections.size();
                int at = pruned.mapping()[i];
                projections.add(new InputRef(at, types.get(at)));
            }
        }
        return new Pruned(new ProjectNode(pruned.node(), projections), mapping);
    }

    private static Pruned scan(TableScanNode scan, BitSet required) {
        int[] mapping = new int[scan.columns().size()];
        Arrays.fill(mapping, -1);
        List<ScanColumn> kept = new ArrayList<>();
        for (int i = 0; i < scan.columns().size(); i++) {
            if (required.get(i)) {
                mapping[i] = kept.size();
                kept.add(scan.columns().get(i));
            }
        }
        if (kept.isEmpty() && !scan.columns().isEmpty()) {
            // COUNT(*) still needs row counts: read one column (a cheap one would be better: see the README).
            mapping[0] = 0;
            kept.add(scan.columns().get(0));
        }
        return new Pruned(new TableScanNode(scan.table(), kept, scan.splits(), scan.partitions()), mapping);
    }

    private static Pruned identity(PlanNode node) {
        int[] mapping = new int[node.outputTypes().size()];
        for (int i = 0; i < mapping.length; i++) {
            mapping[i] = i;
        }
        return new Pruned(node, mapping);
    }

    private static BitSet withKeys(BitSet required, List<SortKey> keys) {
        BitSet needed = (BitSet) required.clone();
        keys.forEach(k -> needed.set(k.field()));
        return needed;
    }

    private static List<SortKey> remapKeys(List<SortKey> keys, int[] mapping) {
        return keys.stream().map(k -> new SortKey(mapping[k.field()], k.ascending(), k.nullsFirst())).toList();
    }

    private static void collect(Expr expr, BitSet into) {
        Exprs.collectInputs(expr, into);
    }

    private static Expr remap(Expr expr, int[] mapping) {
        return Exprs.remap(expr, mapping);
    }
}
