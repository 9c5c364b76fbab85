package dev.shoal.planner.stats;

import dev.shoal.core.catalog.ColumnStatistics;
import dev.shoal.core.catalog.TableStatistics;
import dev.shoal.core.plan.JoinDistribution;
import dev.shoal.core.plan.JoinNode;
import dev.shoal.core.plan.JoinType;
import dev.shoal.core.plan.PlanNode;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.core.plan.TableScanNode;
import dev.shoal.core.plan.UnionNode;
import dev.shoal.core.type.DataType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CardinalityEstimatorTest {
    /** Fact tables keyed by a store column with keys 1..12, and the 12 stores themselves. */
    private static final Map<String, TableStatistics> TABLES = Map.of(
            "sales", table(2_880_000, 1, 12),
            "returns", table(288_000, 1, 12),
            "store", table(12, 1, 12));
    private final CardinalityEstimator estimator = new CardinalityEstimator(name -> TABLES.getOrDefault(name, TableStatistics.UNKNOWN));

    private static TableStatistics table(long rows, long minKey, long maxKey) {
        return new TableStatistics(rows, rows * 10, rows * 20, 1, List.of(new ColumnStatistics("store_sk", 0, minKey, maxKey)));
    }

    private static TableScanNode scan(String table) {
        return new TableScanNode(table, List.of(new ScanColumn("store_sk", DataType.BIGINT)), List.of());
    }

    @Test
    void unionHasTheRowsOfAllItsBranches() {
        assertEquals(3_168_000, estimator.rows(new UnionNode(List.of(scan("sales"), scan("returns")))), 1);
    }

    /**
     * TPC-DS q05 joins the union of a channel's sales and returns with its 12 stores: every row finds
     * its store. Taking the union's rows for its distinct keys made the join look like 12 rows, so
     * that three million rows were broadcast.
     */
    @Test
    void joinOfAUnionWithASmallDimensionKeepsTheUnionsRows() {
        PlanNode union = new UnionNode(List.of(scan("sales"), scan("returns")));
        JoinNode join = new JoinNode(union, scan("store"), JoinType.INNER, List.of(0), List.of(0), null, JoinDistribution.PARTITIONED);
        assertEquals(12, estimator.distinctValues(union, 0), 0.001);
        assertEquals(3_168_000, estimator.rows(join), 1);
    }
}
