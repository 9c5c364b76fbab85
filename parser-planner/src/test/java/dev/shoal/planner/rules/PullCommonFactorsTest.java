package dev.shoal.planner.rules;

import dev.shoal.core.expr.Exprs;
import dev.shoal.core.plan.FilterNode;
import dev.shoal.core.plan.PlanNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

class PullCommonFactorsTest {
    /** (a AND x) OR (a AND y): a stands alone as a conjunct, where a scan or a join can use it. */
    @Test
    void aConjunctCommonToEveryBranchOfAnOrIsPulledOut() {
        PlanNode plan = PlannerFixture.plan("""
                select l_orderkey from lineitem
                where (l_suppkey = 7 and l_quantity > 5) or (l_suppkey = 7 and l_discount < 0.02)""");
        FilterNode filter = (FilterNode) PlannerFixture.nodes(plan).stream().filter(FilterNode.class::isInstance).findFirst().orElseThrow();
        List<String> conjuncts = Exprs.conjuncts(filter.predicate()).stream().map(Object::toString).toList();
        assertTrue(conjuncts.stream().anyMatch(c -> c.startsWith("equal(") && c.contains("7")), conjuncts.toString());
        assertTrue(conjuncts.stream().anyMatch(c -> c.startsWith("or(")), conjuncts.toString());
    }
}
