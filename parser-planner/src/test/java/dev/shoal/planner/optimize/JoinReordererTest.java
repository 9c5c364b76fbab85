package dev.shoal.planner.optimize;

import dev.shoal.core.catalog.ColumnStatistics;
import dev.shoal.core.catalog.TableStatistics;
import dev.shoal.core.plan.JoinDistribution;
import dev.shoal.core.plan.JoinNode;
import dev.shoal.core.plan.JoinType;
import dev.shoal.core.plan.LimitNode;
import dev.shoal.core.plan.PlanNode;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.core.plan.TableScanNode;
import dev.shoal.core.type.DataType;
import dev.shoal.planner.stats.CardinalityEstimator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class JoinReordererTest {
    /** A star: a large fact table keyed to two dimensions, and the dimensions' own keys. */
    private static final Map<String, TableStatistics> TABLES = Map.of(
            "s.fact", stats(6_000_000, "k1", 1, 10_000, "k2", 1, 25),
            "s.dim1", stats(10_000, "id1", 1, 10_000, "x", 1, 100),
            "s.dim2", stats(25, "id2", 1, 25, "y", 1, 5));
    private final JoinReorderer reorderer = new JoinReorderer(new CardinalityEstimator(name -> TABLES.getOrDefault(name, TableStatistics.UNKNOWN)));

    private static TableStatistics stats(long rows, String a, long aMin, long aMax, String b, long bMin, long bMax) {
        return new TableStatistics(rows, rows * 8, rows * 16, 1,
                List.of(new ColumnStatistics(a, 0, aMin, aMax), new ColumnStatistics(b, 0, bMin, bMax)));
    }

    private static TableScanNode scan(String table, String a, String b) {
        return new TableScanNode(table, List.of(new ScanColumn(a, DataType.BIGINT), new ScanColumn(b, DataType.BIGINT)), List.of());
    }

    private static JoinNode join(PlanNode left, PlanNode right, int leftKey, int rightKey) {
        return new JoinNode(left, right, JoinType.INNER, List.of(leftKey), List.of(rightKey), null, (JoinDistribution) null);
    }

    private static PlanNode leftmostLeaf(PlanNode node) {
        return node.inputs().isEmpty() ? node : leftmostLeaf(node.inputs().get(0));
    }

    /** Written dimension first, the join is reordered so that the fact table streams through the probe side. */
    @Test
    void theLargestInputBecomesTheProbeSideAndColumnsKeepTheirOrder() {
        // (dim1 ⋈ fact ON id1 = k1) ⋈ dim2 ON k2 = id2; columns: id1, x, k1, k2, id2, y
        PlanNode written = join(join(scan("s.dim1", "id1", "x"), scan("s.fact", "k1", "k2"), 0, 0), scan("s.dim2", "id2", "y"), 3, 0);
        PlanNode reordered = reorderer.reorder(written);
        assertEquals("s.fact", ((TableScanNode) leftmostLeaf(reordered)).table(), reordered.toString());
        assertEquals(written.outputTypes(), reordered.outputTypes());
    }

    /** Two joins are left as they are: there is nothing to choose. */
    @Test
    void aSingleJoinIsLeftAlone() {
        PlanNode written = join(scan("s.dim1", "id1", "x"), scan("s.fact", "k1", "k2"), 0, 0);
        assertEquals(written, reorderer.reorder(written));
    }

    /**
     * Single joins nested through other operators (as nested IN subqueries plan) are visited once
     * each: reordering every level twice made 100 levels of nesting plan for hours.
     */
    @Test
    void deeplyNestedSingleJoinsAreReorderedInLinearTime() {
        PlanNode plan = scan("s.dim2", "id2", "y");
        for (int depth = 0; depth < 40; depth++) {
            plan = new LimitNode(join(scan("s.dim2", "id2", "y"), plan, 0, 0), 0, 1000);
        }
        PlanNode nested = plan;
        PlanNode reordered = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> reorderer.reorder(nested));
        assertEquals(nested, reordered, "nothing to choose at any level");
    }
}
