package dev.shoal.planner;

import dev.shoal.catalog.StoredCatalog;
import dev.shoal.core.catalog.TableDefinition;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.plan.AggregateNode;
import dev.shoal.core.plan.JoinNode;
import dev.shoal.core.plan.JoinType;
import dev.shoal.core.plan.LimitNode;
import dev.shoal.core.plan.PlanNode;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.core.plan.SortNode;
import dev.shoal.core.plan.TableScanNode;
import dev.shoal.core.plan.TopNNode;
import dev.shoal.core.type.DataType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryPlannerTest {
    private static final DataType MONEY = DataType.decimal(15, 2);
    private static QueryPlanner planner;

    @BeforeAll
    static void catalog() {
        StoredCatalog catalog = StoredCatalog.temporary();
        catalog.createTable(new TableDefinition("tpch", "lineitem", "s3://lake/lineitem/", List.of(
                new ScanColumn("l_orderkey", DataType.BIGINT), new ScanColumn("l_quantity", MONEY),
                new ScanColumn("l_extendedprice", MONEY), new ScanColumn("l_discount", MONEY),
                new ScanColumn("l_tax", MONEY), new ScanColumn("l_returnflag", DataType.VARCHAR),
                new ScanColumn("l_linestatus", DataType.VARCHAR), new ScanColumn("l_shipdate", DataType.DATE),
                new ScanColumn("l_comment", DataType.VARCHAR))));
        planner = new QueryPlanner(catalog, "tpch");
    }

    private static TableScanNode scanOf(PlanNode node) {
        while (!(node instanceof TableScanNode)) {
            node = node.inputs().get(0);
        }
        return (TableScanNode) node;
    }

    @Test
    void pricingSummaryReadsOnlyItsColumnsAndKeepsTrinoTypes() {
        PlannedQuery q1 = planner.plan("""
                select l_returnflag, l_linestatus, sum(l_quantity) as sum_qty,
                       sum(l_extendedprice * (1 - l_discount) * (1 + l_tax)) as sum_charge,
                       avg(l_discount) as avg_disc, count(*) as count_order
                from lineitem
                where l_shipdate <= date '1998-12-01' - interval '90' day
                group by l_returnflag, l_linestatus
                order by l_returnflag, l_linestatus""");

        assertEquals(List.of("l_returnflag", "l_linestatus", "sum_qty", "sum_charge", "avg_disc", "count_order"), q1.columnNames());
        assertEquals(List.of(DataType.VARCHAR, DataType.VARCHAR, DataType.decimal(38, 2), DataType.decimal(38, 6),
                MONEY, DataType.BIGINT), q1.columnTypes());
        assertInstanceOf(SortNode.class, q1.root());
        assertEquals(List.of("l_quantity", "l_extendedprice", "l_discount", "l_tax", "l_returnflag", "l_linestatus", "l_shipdate"),
                scanOf(q1.root()).columns().stream().map(ScanColumn::name).toList());
        assertTrue(q1.planningNanos() > 0);
    }

    @Test
    void orderByWithLimitBecomesTopNAndOffsetALimit() {
        PlannedQuery q = planner.plan("SELECT l_orderkey FROM tpch.LINEITEM ORDER BY l_extendedprice DESC LIMIT 5 OFFSET 2");
        LimitNode limit = assertInstanceOf(LimitNode.class, q.root().inputs().get(0) instanceof LimitNode l ? l : q.root());
        assertEquals(2, limit.offset());
        TopNNode topN = assertInstanceOf(TopNNode.class, limit.input());
        assertEquals(7, topN.count());
    }

    /** TPC-DS q04's shape: a filter on a WITH query's constant column keeps only the union branch it names. */
    @Test
    void filterOnAUnionBranchConstantPrunesTheOtherBranches() {
        PlannedQuery q = planner.plan("""
                with channels as (
                  select 's' as kind, l_orderkey, sum(l_quantity) as total from lineitem group by l_orderkey
                  union all
                  select 'c', l_orderkey, sum(l_extendedprice) from lineitem where l_discount > 0 group by l_orderkey)
                select a.l_orderkey from channels a join channels b on a.l_orderkey = b.l_orderkey
                where a.kind = 's' and b.kind = 'c' and a.total > b.total""");
        assertEquals(2, scans(q.root()), "one scan per reference, the other branch pruned: " + q.root());
    }

    /** A ROLLUP of rolling-up aggregates reads its input once (TPC-DS q22), however many grouping sets it has. */
    @Test
    void rollupOfSumsAndAveragesScansItsInputOnce() {
        PlannedQuery q = planner.plan("""
                select l_returnflag, l_linestatus, sum(l_quantity), avg(l_discount), count(*), grouping(l_returnflag, l_linestatus)
                from lineitem group by rollup (l_returnflag, l_linestatus)""");
        assertEquals(1, scans(q.root()), q.root().toString());
    }

    /** An IN list over an expression is one IN call, not one equality (and one copy of the expression) per constant. */
    @Test
    void inListOverAnExpressionStaysOneCall() {
        PlannedQuery q = planner.plan("select count(*) from lineitem where substr(l_comment, 1, 2) in ('ab', 'cd', 'ef', 'gh')");
        String plan = q.root().toString();
        assertEquals(1, plan.split("substr\\(", -1).length - 1, plan);
    }

    private static int scans(PlanNode node) {
        return (node instanceof TableScanNode ? 1 : 0) + node.inputs().stream().mapToInt(QueryPlannerTest::scans).sum();
    }

    @Test
    void countStarReadsOneColumn() {
        PlannedQuery q = planner.plan("select count(*) from lineitem");
        assertInstanceOf(AggregateNode.class, q.root());
        assertEquals(1, scanOf(q.root()).columns().size());
    }

    @Test
    void syntaxErrorNamesLineAndColumn() {
        ShoalException e = assertThrows(ShoalException.class, () -> planner.plan("select l_orderkey\nfrom lineitem\nwhere l_orderkey >"));
        assertEquals(ErrorCode.SYNTAX_ERROR, e.code());
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }

    @Test
    void unknownTableAndColumnAreNamedWithTheirPosition() {
        ShoalException table = assertThrows(ShoalException.class, () -> planner.plan("select 1 from nosuch"));
        assertEquals(ErrorCode.UNKNOWN_TABLE, table.code());
        assertTrue(table.getMessage().contains("nosuch") && table.getMessage().contains("line 1, column 15"), table.getMessage());

        ShoalException column = assertThrows(ShoalException.class, () -> planner.plan("select\n  l_nope from lineitem"));
        assertEquals(ErrorCode.UNKNOWN_COLUMN, column.code());
        assertTrue(column.getMessage().contains("l_nope") && column.getMessage().contains("line 2, column 3"), column.getMessage());
    }

    @Test
    void typeErrorIsReportedWithPosition() {
        ShoalException e = assertThrows(ShoalException.class, () -> planner.plan("select l_comment + 1 from lineitem"));
        assertEquals(ErrorCode.TYPE_MISMATCH, e.code());
        assertTrue(e.getMessage().startsWith("line 1, column 8"), e.getMessage());
    }

    @Test
    void equiJoinBecomesHashKeysAndTheRestAFilter() {
        PlanNode plan = planner.plan("select a.l_orderkey from lineitem a join lineitem b "
                + "on a.l_orderkey = b.l_orderkey and a.l_quantity < b.l_quantity").root();
        JoinNode join = findJoin(plan);
        assertEquals(JoinType.INNER, join.joinType());
        assertEquals(1, join.leftKeys().size());
        assertTrue(join.filter() != null, "the non-equi condition stays a filter on candidate pairs");
    }

    private static JoinNode findJoin(PlanNode node) {
        if (node instanceof JoinNode join) {
            return join;
        }
        for (PlanNode input : node.inputs()) {
            JoinNode found = findJoin(input);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
