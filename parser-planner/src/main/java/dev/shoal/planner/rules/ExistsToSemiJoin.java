package dev.shoal.planner.rules;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalCorrelate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns correlated EXISTS and NOT EXISTS into semi and anti joins before Calcite's decorrelator
 * sees them. SubQueryRemoveRule leaves {@code EXISTS (select .. from r where c)} as a correlate
 * of the outer rows with {@code distinct true} over the filtered subquery (inner for EXISTS; left,
 * then {@code IS NULL} of the marker, for NOT EXISTS). When {@code c} correlates by more than
 * equalities (TPC-H Q21's {@code l2.l_suppkey <> l1.l_suppkey}) the decorrelator would compute
 * the distinct outer correlation values and join them back, repeating the whole outer query once
 * per subquery. A semi or anti join on {@code c} itself says the same with no repetition: the
 * equalities become its keys, the rest its residual condition. Equalities alone are left to the
 * decorrelator, whose DISTINCT of the subquery's keys joined to the outer rows the join order
 * and dynamic filters can shrink.
 */
public final class ExistsToSemiJoin extends RelShuttleImpl {
    private ExistsToSemiJoin() {
    }

    public static RelNode rewrite(RelNode rel) {
        return rel.accept(new ExistsToSemiJoin());
    }

    @Override
    public RelNode visit(LogicalCorrelate correlate) {
        RelNode visited = super.visit(correlate);
        if (visited instanceof LogicalCorrelate inner && inner.getJoinType() == JoinRelType.INNER) {
            RelNode semi = join(inner, JoinRelType.SEMI);
            if (semi != null) {
                // The outer rows that have a match, with the marker the correlate added: TRUE.
                return withMarker(semi, inner, inner.getCluster().getRexBuilder()
                        .makeLiteral(true, marker(inner), false));
            }
        }
        return visited;
    }

    @Override
    public RelNode visit(LogicalFilter filter) {
        RelNode visited = super.visit(filter);
        if (!(visited instanceof LogicalFilter outer) || !(outer.getInput() instanceof LogicalCorrelate left)
                || left.getJoinType() != JoinRelType.LEFT) {
            return visited;
        }
        int markerIndex = left.getLeft().getRowType().getFieldCount();
        List<RexNode> conjuncts = RelOptUtil.conjunctions(outer.getCondition());
        List<RexNode> rest = new ArrayList<>();
        boolean markerIsNull = false;
        for (RexNode conjunct : conjuncts) {
            if (conjunct.getKind() == SqlKind.IS_NULL && ((RexCall) conjunct).getOperands().get(0) instanceof RexInputRef ref
                    && ref.getIndex() == markerIndex) {
                markerIsNull = true;
            } else {
                rest.add(conjunct);
            }
        }
        RelNode anti = markerIsNull ? join(left, JoinRelType.ANTI) : null;
        if (anti == null) {
            return visited;
        }
        RexBuilder rex = left.getCluster().getRexBuilder();
        // The outer rows without a match, with the marker the correlate added: NULL.
        RelNode withNullMarker = withMarker(anti, left, rex.makeNullLiteral(marker(left)));
        return rest.isEmpty() ? withNullMarker
                : LogicalFilter.create(withNullMarker, RexUtil.composeConjunction(rex, rest));
    }

    private static RelDataType marker(LogicalCorrelate correlate) {
        return correlate.getRowType().getFieldList().get(correlate.getLeft().getRowType().getFieldCount()).getType();
    }

    private static RelNode withMarker(RelNode join, LogicalCorrelate correlate, RexNode marker) {
        RexBuilder rex = correlate.getCluster().getRexBuilder();
        List<RexNode> projections = new ArrayList<>();
        for (int i = 0; i < join.getRowType().getFieldCount(); i++) {
            projections.add(rex.makeInputRef(join, i));
        }
        projections.add(marker);
        return LogicalProject.create(join, List.of(), projections, correlate.getRowType().getFieldNames(), Set.of());
    }

    /**
     * The correlate as a join of its outer input with the subquery's input on the subquery's
     * filter, or null when the subquery is not {@code distinct true} over a filter that alone
     * refers to the outer row.
     */
    private static RelNode join(LogicalCorrelate correlate, JoinRelType type) {
        if (!(correlate.getRight() instanceof LogicalAggregate distinct) || !distinct.getAggCallList().isEmpty()
                || distinct.getGroupCount() != 1 || !(distinct.getInput() instanceof LogicalProject constant)
                || constant.getProjects().size() != 1 || !(constant.getProjects().get(0) instanceof RexLiteral literal)
                || !Boolean.TRUE.equals(literal.getValueAs(Boolean.class))
                || !(constant.getInput() instanceof LogicalFilter correlated)) {
            return null;
        }
        RelNode subquery = correlated.getInput();
        if (!RelOptUtil.getVariablesUsed(subquery).isEmpty()) {
            return null;
        }
        // Conjuncts about the subquery's rows alone stay a filter below the join, shrinking its input.
        List<RexNode> local = new ArrayList<>();
        List<RexNode> correlating = new ArrayList<>();
        for (RexNode conjunct : RelOptUtil.conjunctions(correlated.getCondition())) {
            (RexUtil.containsCorrelation(conjunct) ? correlating : local).add(conjunct);
        }
        if (correlating.stream().allMatch(conjunct -> conjunct.getKind() == SqlKind.EQUALS)) {
            // Equalities alone decorrelate well: a DISTINCT of the subquery's keys joined to the
            // outer rows, which the join order and dynamic filters can then shrink.
            return null;
        }
        if (!local.isEmpty()) {
            subquery = LogicalFilter.create(subquery, RexUtil.composeConjunction(correlate.getCluster().getRexBuilder(), local));
        }
        RelNode outer = correlate.getLeft();
        CorrelationId id = correlate.getCorrelationId();
        int outerWidth = outer.getRowType().getFieldCount();
        boolean[] foreign = {false};
        RexNode condition = RexUtil.composeConjunction(correlate.getCluster().getRexBuilder(), correlating).accept(new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                return new RexInputRef(outerWidth + ref.getIndex(), ref.getType());
            }

            @Override
            public RexNode visitFieldAccess(RexFieldAccess access) {
                if (access.getReferenceExpr() instanceof RexCorrelVariable variable) {
                    if (!variable.id.equals(id)) {
                        foreign[0] = true;
                        return access;
                    }
                    int index = access.getField().getIndex();
                    return new RexInputRef(index, outer.getRowType().getFieldList().get(index).getType());
                }
                return super.visitFieldAccess(access);
            }

            @Override
            public RexNode visitCorrelVariable(RexCorrelVariable variable) {
                foreign[0] = true;
                return variable;
            }
        });
        if (foreign[0]) {
            return null;
        }
        return LogicalJoin.create(outer, subquery, List.of(), condition, Set.of(), type);
    }
}
