package dev.shoal.planner.rules;

import dev.shoal.core.plan.JoinNode;
import dev.shoal.core.plan.JoinType;
import dev.shoal.core.plan.PlanNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class ExistsToSemiJoinTest {
    private static List<JoinNode> joins(PlanNode plan) {
        return PlannerFixture.nodes(plan).stream().filter(JoinNode.class::isInstance).map(JoinNode.class::cast).toList();
    }

    /** TPC-H Q21's shape: the equality becomes the key, the inequality a residual condition. */
    @Test
    void existsCorrelatedByEqualityAndInequalityIsASemiJoinWithAResidual() {
        List<JoinNode> joins = joins(PlannerFixture.plan("""
                select l1.l_orderkey from lineitem l1
                where exists (select * from lineitem l2 where l2.l_orderkey = l1.l_orderkey and l2.l_suppkey <> l1.l_suppkey)"""));
        assertEquals(1, joins.size(), joins.toString());
        assertEquals(JoinType.SEMI, joins.get(0).joinType());
        assertEquals(1, joins.get(0).leftKeys().size());
        assertNotNull(joins.get(0).filter(), "the inequality stays as the join's condition");
    }

    @Test
    void notExistsIsAnAntiJoin() {
        List<JoinNode> joins = joins(PlannerFixture.plan("""
                select l1.l_orderkey from lineitem l1
                where not exists (select * from lineitem l2 where l2.l_orderkey = l1.l_orderkey and l2.l_suppkey <> l1.l_suppkey)"""));
        assertEquals(1, joins.size(), joins.toString());
        assertEquals(JoinType.ANTI, joins.get(0).joinType());
    }
}
