package dev.shoal.planner.rules;

import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

/**
 * (a AND x) OR (a AND y) becomes a AND (x OR y) in every filter, before filters are pushed down:
 * the common conjuncts can then reach a scan or become join keys (TPC-H Q19 repeats its join
 * condition and two lineitem filters in each of three OR branches).
 */
public final class PullCommonFactors extends RelHomogeneousShuttle {
    private PullCommonFactors() {
    }

    public static RelNode rewrite(RelNode rel) {
        return rel.accept(new PullCommonFactors());
    }

    @Override
    public RelNode visit(RelNode other) {
        RelNode visited = super.visit(other);
        if (visited instanceof LogicalFilter filter) {
            RexNode pulled = RexUtil.pullFactors(filter.getCluster().getRexBuilder(), filter.getCondition());
            if (!pulled.equals(filter.getCondition())) {
                return filter.copy(filter.getTraitSet(), filter.getInput(), pulled);
            }
        }
        return visited;
    }
}
