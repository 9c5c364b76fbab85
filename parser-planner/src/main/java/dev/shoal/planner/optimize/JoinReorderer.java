package dev.shoal.planner.optimize;

import dev.shoal.core.expr.Call;
import dev.shoal.core.expr.Expr;
import dev.shoal.core.expr.Exprs;
import dev.shoal.core.expr.InputRef;
import dev.shoal.core.expr.Op;
import dev.shoal.core.plan.JoinNode;
import dev.shoal.core.plan.JoinType;
import dev.shoal.core.plan.PlanNode;
import dev.shoal.core.plan.ProjectNode;
import dev.shoal.core.type.DataType;
import dev.shoal.planner.stats.CardinalityEstimator;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Orders the inputs of each tree of inner joins greedily from statistics: start from the largest
 * input (it streams, never built), then repeatedly join the connected input that keeps the
 * estimated result smallest, each new input on the build side. Conditions attach to the first
 * join where all their columns are present; a projection restores the original column order.
 * Greedy ordering is linear in the joins per step (DuckDB and Trino also fall back to greedy for
 * large join graphs), so planning stays in milliseconds even for TPC-H's 8-way joins.
 */
public final class JoinReorderer {
    private final CardinalityEstimator estimator;

    public JoinReorderer(CardinalityEstimator estimator) {
        this.estimator = estimator;
    }

    public PlanNode reorder(PlanNode node) {
        if (isInnerJoin(node)) {
            JoinGraph graph = new JoinGraph();
            graph.flatten(node, 0);
            if (graph.factors.size() >= 3) {
                return graph.plan();
            }
        }
        if (node.inputs().isEmpty()) {
            return node;
        }
        return node.withInputs(node.inputs().stream().map(this::reorder).toList());
    }

    private static boolean isInnerJoin(PlanNode node) {
        return node instanceof JoinNode join && join.joinType() == JoinType.INNER && join.distribution() == null;
    }

    /** A region of inner joins: its inputs (factors), key equalities and other conditions, in global column numbers. */
    private final class JoinGraph {
        private final List<PlanNode> factors = new ArrayList<>();
        private final List<Integer> offsets = new ArrayList<>();
        private final List<int[]> equalities = new ArrayList<>();
        private final List<Expr> conditions = new ArrayList<>();
        private final List<DataType> types = new ArrayList<>();

        /** Adds the join tree rooted at {@code node}, whose columns start at {@code offset}. */
        void flatten(PlanNode node, int offset) {
            if (!isInnerJoin(node)) {
                factors.add(reorder(node));
                offsets.add(offset);
                types.addAll(node.outputTypes());
                return;
            }
            JoinNode join = (JoinNode) node;
            int leftWidth = join.left().outputTypes().size();
            flatten(join.left(), offset);
            flatten(join.right(), offset + leftWidth);
            for (int k = 0; k < join.leftKeys().size(); k++) {
                equalities.add(new int[] {offset + join.leftKeys().get(k), offset + leftWidth + join.rightKeys().get(k)});
            }
            if (join.filter() != null) {
                int[] shift = new int[leftWidth + join.right().outputTypes().size()];
                for (int i = 0; i < shift.length; i++) {
                    shift[i] = offset + i;
                }
                conditions.addAll(conjuncts(Exprs.remap(join.filter(), shift)));
            }
        }

        private int factorOf(int column) {
            int factor = 0;
            while (factor + 1 < offsets.size() && offsets.get(factor + 1) <= column) {
                factor++;
            }
            return factor;
        }

        PlanNode plan() {
            int n = factors.size();
            boolean[] used = new boolean[n];
            int first = 0;
            for (int f = 1; f < n; f++) {
                if (estimator.rows(factors.get(f)) > estimator.rows(factors.get(first))) {
                    first = f;
                }
            }
            used[first] = true;
            PlanNode current = factors.get(first);
            List<Integer> layout = columnsOf(first);
            boolean[] conditionUsed = new boolean[conditions.size()];
            boolean[] equalityUsed = new boolean[equalities.size()];
            for (int step = 1; step < n; step++) {
                int next = -1;
                double best = Double.MAX_VALUE;
                for (int f = 0; f < n; f++) {
                    if (used[f]) {
                        continue;
                    }
                    JoinNode candidate = join(current, layout, f, equalityUsed, conditionUsed, false);
                    boolean connected = !candidate.leftKeys().isEmpty();
                    double rows = estimator.rows(candidate) * (connected ? 1 : 1e6);
                    if (rows < best) {
                        best = rows;
                        next = f;
                    }
                }
                current = join(current, layout, next, equalityUsed, conditionUsed, true);
                layout.addAll(columnsOf(next));
                used[next] = true;
            }
            List<Expr> restore = new ArrayList<>();
            for (int column = 0; column < types.size(); column++) {
                restore.add(new InputRef(layout.indexOf(column), types.get(column)));
            }
            return new ProjectNode(current, restore);
        }

        /** {@code current} joined with factor {@code f} on every key and condition that becomes available. */
        private JoinNode join(PlanNode current, List<Integer> layout, int f, boolean[] equalityUsed, boolean[] conditionUsed,
                              boolean commit) {
            PlanNode factor = factors.get(f);
            int offset = offsets.get(f);
            List<Integer> leftKeys = new ArrayList<>();
            List<Integer> rightKeys = new ArrayList<>();
            for (int e = 0; e < equalities.size(); e++) {
                int[] pair = equalities.get(e);
                if (equalityUsed[e]) {
                    continue;
                }
                int a = pair[0];
                int b = pair[1];
                boolean aLeft = layout.contains(a);
                boolean bLeft = layout.contains(b);
                if (aLeft && factorOf(b) == f) {
                    leftKeys.add(layout.indexOf(a));
                    rightKeys.add(b - offset);
                } else if (bLeft && factorOf(a) == f) {
                    leftKeys.add(layout.indexOf(b));
                    rightKeys.add(a - offset);
                } else {
                    continue;
                }
                if (commit) {
                    equalityUsed[e] = true;
                }
            }
            List<Integer> joinedLayout = new ArrayList<>(layout);
            joinedLayout.addAll(columnsOf(f));
            int[] mapping = new int[types.size()];
            java.util.Arrays.fill(mapping, -1);
            for (int i = 0; i < joinedLayout.size(); i++) {
                mapping[joinedLayout.get(i)] = i;
            }
            List<Expr> filters = new ArrayList<>();
            for (int c = 0; c < conditions.size(); c++) {
                if (conditionUsed[c]) {
                    continue;
                }
                BitSet columns = new BitSet();
                Exprs.collectInputs(conditions.get(c), columns);
                if (columns.stream().allMatch(column -> mapping[column] >= 0)) {
                    filters.add(Exprs.remap(conditions.get(c), mapping));
                    if (commit) {
                        conditionUsed[c] = true;
                    }
                }
            }
            // Key pairs already used by an earlier join between the same columns are not repeated.
            return new JoinNode(current, factor, JoinType.INNER, leftKeys, rightKeys, and(filters), null);
        }

        private List<Integer> columnsOf(int f) {
            List<Integer> columns = new ArrayList<>();
            int width = factors.get(f).outputTypes().size();
            for (int i = 0; i < width; i++) {
                columns.add(offsets.get(f) + i);
            }
            return columns;
        }
    }

    private static List<Expr> conjuncts(Expr expr) {
        if (expr instanceof Call call && call.op() == Op.AND) {
            List<Expr> out = new ArrayList<>();
            call.args().forEach(arg -> out.addAll(conjuncts(arg)));
            return out;
        }
        return List.of(expr);
    }

    private static Expr and(List<Expr> filters) {
        if (filters.isEmpty()) {
            return null;
        }
        return filters.size() == 1 ? filters.get(0) : new Call(Op.AND, filters, DataType.BOOLEAN);
    }
}
