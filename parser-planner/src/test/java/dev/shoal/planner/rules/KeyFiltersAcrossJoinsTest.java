package dev.shoal.planner.rules;

import dev.shoal.core.plan.FilterNode;
import dev.shoal.core.plan.PlanNode;
import dev.shoal.core.plan.TableScanNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KeyFiltersAcrossJoinsTest {
    /** The predicates of the filters that sit right on a scan, one entry per scan (empty when unfiltered). */
    private static List<String> scanFilters(PlanNode plan) {
        return PlannerFixture.nodes(plan).stream()
                .filter(node -> node instanceof TableScanNode || node instanceof FilterNode filter && filter.input() instanceof TableScanNode)
                .filter(node -> !(node instanceof TableScanNode scan) || PlannerFixture.nodes(plan).stream()
                        .noneMatch(other -> other instanceof FilterNode filter && filter.input() == scan))
                .map(node -> node instanceof FilterNode filter ? filter.predicate().toString() : "")
                .sorted().toList();
    }

    @Test
    void anInnerJoinCarriesAKeyComparisonToTheOtherSide() {
        List<String> filters = scanFilters(PlannerFixture.plan("""
                select a.l_quantity, b.l_discount from lineitem a join lineitem b on a.l_orderkey = b.l_orderkey
                where a.l_orderkey < 5"""));
        assertEquals(2, filters.size(), filters.toString());
        assertEquals(filters.get(0), filters.get(1), "both scans keep orderkey < 5: " + filters);
    }

    @Test
    void aLeftJoinCarriesFromThePreservedSideOnly() {
        List<String> carried = scanFilters(PlannerFixture.plan("""
                select a.l_quantity, b.l_discount from lineitem a left join lineitem b on a.l_orderkey = b.l_orderkey
                where a.l_orderkey < 5"""));
        assertEquals(2, carried.size(), carried.toString());
        assertEquals(carried.get(0), carried.get(1), "the NULL-extended side is filtered too: " + carried);

        List<String> kept = scanFilters(PlannerFixture.plan("""
                select a.l_quantity, b.l_discount from lineitem a
                left join (select * from lineitem where l_orderkey < 5) b on a.l_orderkey = b.l_orderkey"""));
        assertEquals(2, kept.size(), kept.toString());
        assertEquals("", kept.get(0), "every row of the preserved side stays: " + kept);
    }

    @Test
    void aComparisonOfANonKeyColumnStaysOnItsSide() {
        List<String> filters = scanFilters(PlannerFixture.plan("""
                select a.l_quantity, b.l_discount from lineitem a join lineitem b on a.l_orderkey = b.l_orderkey
                where a.l_suppkey = 5"""));
        assertEquals(2, filters.size(), filters.toString());
        assertEquals("", filters.get(0), filters.toString());
    }
}
