package dev.shoal.planner.rules;

import org.apache.calcite.plan.RelOptPredicateList;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A filter on one side's join key holds for the other side's key too: in TPC-DS q78,
 * {@code ss_sold_year = 2000} on store sales also limits the web and catalog sales LEFT JOINed to
 * them on the year, so their aggregations read one year instead of five. Only comparisons of a key
 * with constants cross, and only where the join's type lets them: both ways for inner and semi
 * joins, from the preserved side to the other for outer and anti joins.
 *
 * <p>One bottom-up pass rather than a rule: Calcite's transitive-predicate rule, among the
 * pushdown rules, re-derived {@code d_week_seq1 = d_week_seq2 - 53} forever (TPC-DS q02, q59).
 * The filters added here go down with the next pushdown program.
 */
public final class KeyFiltersAcrossJoins extends RelHomogeneousShuttle {
    private static final Set<SqlKind> COMPARISONS = Set.of(SqlKind.EQUALS, SqlKind.NOT_EQUALS, SqlKind.LESS_THAN,
            SqlKind.LESS_THAN_OR_EQUAL, SqlKind.GREATER_THAN, SqlKind.GREATER_THAN_OR_EQUAL, SqlKind.SEARCH);

    private boolean changed;

    private KeyFiltersAcrossJoins() {
    }

    /** The plan with inferred key filters, or {@code rel} itself when no join gained one. */
    public static RelNode rewrite(RelNode rel) {
        KeyFiltersAcrossJoins pass = new KeyFiltersAcrossJoins();
        RelNode rewritten = rel.accept(pass);
        return pass.changed ? rewritten : rel;
    }

    @Override
    public RelNode visit(RelNode other) {
        RelNode visited = super.visit(other);
        return visited instanceof Join join ? withInferredFilters(join) : visited;
    }

    private RelNode withInferredFilters(Join join) {
        List<Integer> leftKeys = new ArrayList<>();
        List<Integer> rightKeys = new ArrayList<>();
        List<Boolean> filterNulls = new ArrayList<>();
        RelOptUtil.splitJoinCondition(join.getLeft(), join.getRight(), join.getCondition(), leftKeys, rightKeys,
                filterNulls, new ArrayList<>());
        if (leftKeys.isEmpty()) {
            return join;
        }
        JoinRelType type = join.getJoinType();
        boolean toRight = type == JoinRelType.INNER || type == JoinRelType.SEMI || type == JoinRelType.LEFT
                || type == JoinRelType.ANTI;
        boolean toLeft = type == JoinRelType.INNER || type == JoinRelType.SEMI || type == JoinRelType.RIGHT;
        RelMetadataQuery metadata = join.getCluster().getMetadataQuery();
        RelNode left = join.getLeft();
        RelNode right = join.getRight();
        if (toRight) {
            right = filtered(right, carried(metadata, left, right, leftKeys, rightKeys, filterNulls));
        }
        if (toLeft) {
            left = filtered(left, carried(metadata, join.getRight(), join.getLeft(), rightKeys, leftKeys, filterNulls));
        }
        if (left == join.getLeft() && right == join.getRight()) {
            return join;
        }
        changed = true;
        return join.copy(join.getTraitSet(), join.getCondition(), left, right, type, join.isSemiJoinDone());
    }

    /** The key comparisons {@code from} is known to satisfy, rewritten onto {@code to}'s keys, less those {@code to} has. */
    private static List<RexNode> carried(RelMetadataQuery metadata, RelNode from, RelNode to, List<Integer> fromKeys,
                                         List<Integer> toKeys, List<Boolean> filterNulls) {
        RelOptPredicateList known = metadata.getPulledUpPredicates(from);
        RelOptPredicateList present = metadata.getPulledUpPredicates(to);
        List<RexNode> carried = new ArrayList<>();
        for (RexNode predicate : known.pulledUpPredicates) {
            int key = keyComparedWithConstants(predicate, fromKeys);
            if (key < 0 || !filterNulls.get(key)) {
                continue;
            }
            int fromColumn = fromKeys.get(key);
            int toColumn = toKeys.get(key);
            RelDataType toType = to.getRowType().getFieldList().get(toColumn).getType();
            if (!SqlTypeUtil.equalSansNullability(from.getCluster().getTypeFactory(),
                    from.getRowType().getFieldList().get(fromColumn).getType(), toType)) {
                continue;
            }
            RexNode moved = predicate.accept(new RexShuttle() {
                @Override
                public RexNode visitInputRef(RexInputRef ref) {
                    return new RexInputRef(toColumn, toType);
                }
            });
            if (!present.pulledUpPredicates.contains(moved) && !carried.contains(moved)) {
                carried.add(moved);
            }
        }
        return carried;
    }

    /** The index in {@code keys} of the one column {@code predicate} compares with constants, or -1. */
    private static int keyComparedWithConstants(RexNode predicate, List<Integer> keys) {
        if (!(predicate instanceof RexCall call) || !COMPARISONS.contains(call.getKind()) || !RexUtil.isDeterministic(call)) {
            return -1;
        }
        ImmutableBitSet columns = RelOptUtil.InputFinder.bits(call);
        if (columns.cardinality() != 1) {
            return -1;
        }
        for (RexNode operand : call.getOperands()) {
            if (!(operand instanceof RexInputRef) && !(operand instanceof RexLiteral)) {
                return -1;
            }
        }
        return keys.indexOf(columns.nextSetBit(0));
    }

    private static RelNode filtered(RelNode input, List<RexNode> conditions) {
        if (conditions.isEmpty()) {
            return input;
        }
        RexBuilder rexBuilder = input.getCluster().getRexBuilder();
        return LogicalFilter.create(input, RexUtil.composeConjunction(rexBuilder, conditions));
    }
}
