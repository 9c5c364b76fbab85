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
import dev.shoal.core.type.TypeKind;
import dev.shoal.planner.stats.CardinalityEstimator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders the inputs of each tree of inner joins greedily from statistics: first join small inputs
 * among themselves where a filtered one shrinks another, then start from the largest input (it
 * streams, never built) and repeatedly join the connected input that keeps the estimated result
 * smallest, each new input on the build side. Conditions attach to the first
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
                // Each factor is reordered once, here; reordering them inside flatten and again below
                // when the region is too small made each level of nesting double the work (2^depth).
                graph.factors.replaceAll(this::reorder);
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
                factors.add(node);
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

        PlanNode plan() {
            int n = factors.size();
            int first = 0;
            for (int f = 1; f < n; f++) {
                if (estimator.rows(factors.get(f)) > estimator.rows(factors.get(first))) {
                    first = f;
                }
            }
            boolean[] conditionUsed = new boolean[conditions.size()];
            boolean[] equalityUsed = new boolean[equalities.size()];
            List<Unit> units = new ArrayList<>();
            for (int f = 0; f < n; f++) {
                units.add(new Unit(factors.get(f), columnsOf(f)));
            }
            Unit current = units.remove(first);
            combineReducingDimensions(units, equalityUsed, conditionUsed);
            while (!units.isEmpty()) {
                int next = -1;
                double best = Double.MAX_VALUE;
                for (int u = 0; u < units.size(); u++) {
                    JoinNode candidate = join(current, units.get(u), equalityUsed, conditionUsed, false);
                    boolean connected = !candidate.leftKeys().isEmpty();
                    double rows = estimator.rows(candidate) * (connected ? 1 : 1e6);
                    if (rows < best) {
                        best = rows;
                        next = u;
                    }
                }
                Unit chosen = units.remove(next);
                current = new Unit(join(current, chosen, equalityUsed, conditionUsed, true), concat(current.layout(), chosen.layout()));
            }
            List<Expr> restore = new ArrayList<>();
            for (int column = 0; column < types.size(); column++) {
                restore.add(new InputRef(current.layout().indexOf(column), types.get(column)));
            }
            return new ProjectNode(current.plan(), restore);
        }

        /**
         * Joins small inputs among themselves first where that shrinks one of them: supplier with
         * the nations a filter kept (TPC-H Q7), partsupp with the parts a LIKE kept (Q9). The large
         * input then meets an already reduced build side instead of carrying every row through
         * joins that only later filter it. The larger of a pair stays on the probe side.
         */
        private void combineReducingDimensions(List<Unit> units, boolean[] equalityUsed, boolean[] conditionUsed) {
            while (true) {
                int bestProbe = -1;
                int bestBuild = -1;
                double bestRatio = 0.9;
                for (int a = 0; a < units.size(); a++) {
                    double probeRows = estimator.rows(units.get(a).plan());
                    for (int b = 0; b < units.size(); b++) {
                        if (a == b || estimator.rows(units.get(b).plan()) > probeRows) {
                            continue;
                        }
                        JoinNode candidate = join(units.get(a), units.get(b), equalityUsed, conditionUsed, false);
                        if (candidate.leftKeys().isEmpty()) {
                            continue;
                        }
                        double ratio = estimator.rows(candidate) / probeRows;
                        if (ratio < bestRatio) {
                            bestRatio = ratio;
                            bestProbe = a;
                            bestBuild = b;
                        }
                    }
                }
                if (bestProbe < 0) {
                    return;
                }
                Unit probe = units.get(bestProbe);
                Unit build = units.get(bestBuild);
                Unit combined = new Unit(join(probe, build, equalityUsed, conditionUsed, true), concat(probe.layout(), build.layout()));
                units.remove(Math.max(bestProbe, bestBuild));
                units.remove(Math.min(bestProbe, bestBuild));
                units.add(combined);
            }
        }

        /**
         * {@code left} joined with {@code right} on every key and condition that becomes available.
         * Besides the query's own equalities, a key implied by them joins inputs that no equality
         * links directly: a = b and b = c give a = c (TPC-H Q9: partsupp meets part through
         * l_partkey). Implied keys never change the result: every original equality still applies.
         */
        private JoinNode join(Unit left, Unit right, boolean[] equalityUsed, boolean[] conditionUsed, boolean commit) {
            List<Integer> leftKeys = new ArrayList<>();
            List<Integer> rightKeys = new ArrayList<>();
            int[] classes = equalityClasses();
            int[] leftPosition = left.positions(types.size());
            int[] rightPosition = right.positions(types.size());
            Set<Integer> joinedClasses = new HashSet<>();
            for (int e = 0; e < equalities.size(); e++) {
                if (equalityUsed[e]) {
                    continue;
                }
                int a = equalities.get(e)[0];
                int b = equalities.get(e)[1];
                if (leftPosition[a] >= 0 && rightPosition[b] >= 0) {
                    leftKeys.add(leftPosition[a]);
                    rightKeys.add(rightPosition[b]);
                } else if (leftPosition[b] >= 0 && rightPosition[a] >= 0) {
                    leftKeys.add(leftPosition[b]);
                    rightKeys.add(rightPosition[a]);
                } else {
                    continue;
                }
                joinedClasses.add(classes[a]);
                if (commit) {
                    equalityUsed[e] = true;
                }
            }
            // The first column of each equality class on the right: the other side of an implied key.
            Map<Integer, Integer> rightOfClass = new HashMap<>();
            for (int r = 0; r < right.layout().size(); r++) {
                int b = right.layout().get(r);
                if (classes[b] >= 0 && !joinedClasses.contains(classes[b])) {
                    rightOfClass.putIfAbsent(classes[b], r);
                }
            }
            for (int l = 0; l < left.layout().size() && !rightOfClass.isEmpty(); l++) {
                int a = left.layout().get(l);
                Integer r = classes[a] < 0 || joinedClasses.contains(classes[a]) ? null : rightOfClass.get(classes[a]);
                if (r != null && keyCompatible(types.get(a), types.get(right.layout().get(r)))) {
                    leftKeys.add(l);
                    rightKeys.add(r);
                    joinedClasses.add(classes[a]);
                    rightOfClass.remove(classes[a]);
                }
            }
            List<Integer> joinedLayout = concat(left.layout(), right.layout());
            int[] mapping = new int[types.size()];
            Arrays.fill(mapping, -1);
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
            return new JoinNode(left.plan(), right.plan(), JoinType.INNER, leftKeys, rightKeys, and(filters), null);
        }

        private int[] classes;

        /** For each column of the region, the class of columns it equals (its union-find root), or -1. */
        private int[] equalityClasses() {
            if (classes != null) {
                return classes;
            }
            int[] parent = new int[types.size()];
            Arrays.fill(parent, -1);
            for (int[] pair : equalities) {
                for (int column : pair) {
                    if (parent[column] < 0) {
                        parent[column] = column;
                    }
                }
                int a = root(parent, pair[0]);
                int b = root(parent, pair[1]);
                parent[Math.max(a, b)] = Math.min(a, b);
            }
            classes = new int[types.size()];
            for (int column = 0; column < classes.length; column++) {
                classes[column] = parent[column] < 0 ? -1 : root(parent, column);
            }
            return classes;
        }

        private static int root(int[] parent, int column) {
            while (parent[column] != column) {
                column = parent[column];
            }
            return column;
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

    /** Joined inputs and, per output column, its column number in the whole join region. */
    private record Unit(PlanNode plan, List<Integer> layout) {
        /** Where each of the graph's {@code columns} sits in this unit's output, -1 where it is not there. */
        int[] positions(int columns) {
            int[] positions = new int[columns];
            Arrays.fill(positions, -1);
            for (int i = 0; i < layout.size(); i++) {
                positions[layout.get(i)] = i;
            }
            return positions;
        }
    }

    /** Equal types, or two integral types (both compare as longs). */
    private static boolean keyCompatible(DataType a, DataType b) {
        boolean integralA = a.kind() == TypeKind.INTEGER || a.kind() == TypeKind.BIGINT;
        boolean integralB = b.kind() == TypeKind.INTEGER || b.kind() == TypeKind.BIGINT;
        return a.equals(b) || integralA && integralB;
    }

    private static List<Integer> concat(List<Integer> a, List<Integer> b) {
        List<Integer> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
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
