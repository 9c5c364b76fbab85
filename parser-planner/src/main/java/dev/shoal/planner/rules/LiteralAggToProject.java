package dev.shoal.planner.rules;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code LITERAL_AGG(c)}, which Calcite's subquery rewrites put in a GROUP BY to mark matched
 * rows, is the constant c in every group: no aggregation at all. The aggregate loses those calls
 * and a projection above puts the constants back in their columns.
 */
public final class LiteralAggToProject {
    private LiteralAggToProject() {
    }

    public static RelNode rewrite(RelNode rel) {
        return rel.accept(new RelShuttleImpl() {
            @Override
            public RelNode visit(LogicalAggregate aggregate) {
                return withoutLiterals((LogicalAggregate) super.visit(aggregate));
            }
        });
    }

    private static RelNode withoutLiterals(LogicalAggregate aggregate) {
        if (aggregate.getGroupType() != Aggregate.Group.SIMPLE
                || aggregate.getAggCallList().stream().noneMatch(LiteralAggToProject::isLiteral)) {
            return aggregate;
        }
        List<AggregateCall> calls = aggregate.getAggCallList().stream().filter(call -> !isLiteral(call)).toList();
        LogicalAggregate kept = LogicalAggregate.create(aggregate.getInput(), aggregate.getHints(), aggregate.getGroupSet(),
                aggregate.getGroupSets(), calls);
        RexBuilder rex = aggregate.getCluster().getRexBuilder();
        List<RelDataTypeField> fields = aggregate.getRowType().getFieldList();
        int keys = aggregate.getGroupCount();
        List<RexNode> projections = new ArrayList<>();
        for (int k = 0; k < keys; k++) {
            projections.add(RexInputRef.of(k, kept.getRowType()));
        }
        int next = keys;
        for (int c = 0; c < aggregate.getAggCallList().size(); c++) {
            AggregateCall call = aggregate.getAggCallList().get(c);
            RelDataTypeField field = fields.get(keys + c);
            projections.add(isLiteral(call)
                    ? rex.makeCast(field.getType(), call.rexList.get(0), true, false)
                    : RexInputRef.of(next++, kept.getRowType()));
        }
        return LogicalProject.create(kept, List.of(), projections, aggregate.getRowType().getFieldNames(), Set.of());
    }

    private static boolean isLiteral(AggregateCall call) {
        return call.getAggregation().getKind() == SqlKind.LITERAL_AGG;
    }
}
