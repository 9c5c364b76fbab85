package dev.shoal.planner.rules;

import dev.shoal.core.plan.AggregateNode;
import dev.shoal.core.plan.PlanNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SingleDistinctToGroupByTest {
    private static List<AggregateNode> aggregations(String sql) {
        PlanNode plan = PlannerFixture.plan(sql);
        return PlannerFixture.nodes(plan).stream().filter(AggregateNode.class::isInstance).map(AggregateNode.class::cast).toList();
    }

    @Test
    void distinctCallsOverOneColumnBecomeAGroupByAndPlainCalls() {
        List<AggregateNode> aggregations = aggregations("select count(distinct l_suppkey), sum(distinct l_suppkey) from lineitem");
        assertEquals(2, aggregations.size(), aggregations.toString());
        AggregateNode outer = aggregations.get(0);
        AggregateNode inner = aggregations.get(1);
        assertEquals(1, inner.groupKeys().size(), "grouped on l_suppkey: " + inner);
        assertTrue(inner.aggregates().isEmpty());
        assertTrue(outer.groupKeys().isEmpty());
        assertEquals(2, outer.aggregates().size());
        outer.aggregates().forEach(call -> assertFalse(call.distinct(), outer.toString()));
    }

    @Test
    void aGroupedDistinctCountIsLeftToTheDistributedPlan() {
        assertEquals(1, aggregations("select l_orderkey, count(distinct l_suppkey) from lineitem group by l_orderkey").size());
    }

    @Test
    void aGlobalDistinctCountIsCountedOverTheDistinctValues() {
        List<AggregateNode> aggregations = aggregations("select count(distinct l_suppkey) from lineitem");
        assertEquals(2, aggregations.size(), aggregations.toString());
        assertTrue(aggregations.get(0).groupKeys().isEmpty());
        assertEquals(1, aggregations.get(1).groupKeys().size());
    }

    @Test
    void mixedOrSeveralDistinctColumnsStayAsTheyAre() {
        assertEquals(1, aggregations("select count(distinct l_suppkey), count(*) from lineitem").size());
        assertEquals(1, aggregations("select count(distinct l_suppkey), count(distinct l_orderkey) from lineitem").size());
    }
}
