package dev.shoal.planner.distribute;

import dev.shoal.catalog.StoredCatalog;
import dev.shoal.core.catalog.ColumnStatistics;
import dev.shoal.core.catalog.TableDefinition;
import dev.shoal.core.catalog.TableStatistics;
import dev.shoal.core.plan.AggregateNode;
import dev.shoal.core.plan.AggregateStep;
import dev.shoal.core.plan.DynamicFilterNode;
import dev.shoal.core.plan.ExchangeKind;
import dev.shoal.core.plan.ExchangeNode;
import dev.shoal.core.plan.JoinDistribution;
import dev.shoal.core.plan.JoinNode;
import dev.shoal.core.plan.JoinType;
import dev.shoal.core.plan.PlanNode;
import dev.shoal.core.plan.RemoteSourceNode;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.core.plan.TableScanNode;
import dev.shoal.core.plan.ValuesNode;
import dev.shoal.core.type.DataType;
import dev.shoal.planner.QueryPlanner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Exchanges, split aggregations and join distributions chosen from table statistics. */
class DistributedPlannerTest {
    private static final long THRESHOLD = 1 << 20;
    private static final Map<String, Long> ROWS = Map.of("tpch.lineitem", 6_000_000L, "tpch.orders", 1_500_000L,
            "tpch.nation", 25L);
    private static QueryPlanner planner;
    private static DistributedPlanner distributor;

    @BeforeAll
    static void catalog() {
        StoredCatalog catalog = StoredCatalog.temporary();
        catalog.createTable(new TableDefinition("tpch", "lineitem", "s3://lake/lineitem/", List.of(
                new ScanColumn("l_orderkey", DataType.BIGINT), new ScanColumn("l_suppkey", DataType.BIGINT),
                new ScanColumn("l_quantity", DataType.decimal(15, 2)), new ScanColumn("l_returnflag", DataType.VARCHAR))));
        catalog.createTable(new TableDefinition("tpch", "orders", "s3://lake/orders/", List.of(
                new ScanColumn("o_orderkey", DataType.BIGINT), new ScanColumn("o_custkey", DataType.BIGINT))));
        catalog.createTable(new TableDefinition("tpch", "nation", "s3://lake/nation/", List.of(
                new ScanColumn("n_nationkey", DataType.BIGINT), new ScanColumn("n_name", DataType.VARCHAR))));
        planner = new QueryPlanner(catalog, "tpch", table -> statistics(table.qualifiedName()));
        distributor = new DistributedPlanner(DistributedPlannerTest::statistics, THRESHOLD);
    }

    private static TableStatistics statistics(String table) {
        List<ColumnStatistics> columns = table.equals("tpch.orders")
                ? List.of(new ColumnStatistics("o_custkey", 0, 1L, 150_000L)) : List.of();
        return new TableStatistics(ROWS.get(table), 0, 0, 1, columns);
    }

    private static List<Fragment> fragments(String sql) {
        return Fragmenter.fragment(distributor.plan(planner.plan(sql).root()));
    }

    @Test
    void groupByIsSplitIntoPartialShuffleAndFinal() {
        List<Fragment> fragments = fragments("select l_returnflag, avg(l_quantity), count(*) from lineitem group by l_returnflag");
        assertEquals(3, fragments.size());
        Fragment scan = fragments.get(2);
        assertEquals(FragmentPartitioning.SOURCE, scan.partitioning());
        assertEquals(ExchangeKind.HASH, scan.outputKind());
        assertEquals(AggregateStep.PARTIAL, find(scan.root(), AggregateNode.class).get(0).step());
        Fragment merge = fragments.get(1);
        assertEquals(FragmentPartitioning.HASH, merge.partitioning());
        assertEquals(AggregateStep.FINAL, find(merge.root(), AggregateNode.class).get(0).step());
        assertEquals(ExchangeKind.GATHER, merge.outputKind());
        assertEquals(FragmentPartitioning.COORDINATOR, fragments.get(0).partitioning());
    }

    /** TPC-DS Q90's shape: two global aggregations joined. Each first runs on the workers, and only their results meet. */
    @Test
    void aJoinOfTwoGlobalAggregationsKeepsThemDistributed() {
        List<Fragment> fragments = fragments("select a.c * 1.0 / b.c from (select count(*) c from lineitem where l_quantity < 10) a, "
                + "(select count(*) c from lineitem where l_quantity > 40) b");
        assertEquals(3, fragments.size());
        assertEquals(FragmentPartitioning.COORDINATOR, fragments.get(0).partitioning());
        assertEquals(List.of(AggregateStep.FINAL, AggregateStep.FINAL),
                find(fragments.get(0).root(), AggregateNode.class).stream().map(AggregateNode::step).toList());
        for (Fragment scan : fragments.subList(1, 3)) {
            assertEquals(FragmentPartitioning.SOURCE, scan.partitioning());
            assertEquals(AggregateStep.PARTIAL, find(scan.root(), AggregateNode.class).get(0).step());
        }
    }

    @Test
    void smallBuildSideIsBroadcast() {
        List<JoinNode> joins = joins("select n_name, count(*) from lineitem join nation on l_suppkey = n_nationkey group by n_name");
        assertEquals(1, joins.size());
        assertEquals(JoinDistribution.BROADCAST, joins.get(0).distribution());
        assertEquals(ExchangeKind.BROADCAST, ((RemoteSourceNode) joins.get(0).right()).kind());
    }

    @Test
    void largeBuildSideIsPartitionedOnTheKeys() {
        List<JoinNode> joins = joins("select o_custkey, count(*) from lineitem join orders on l_orderkey = o_orderkey group by o_custkey");
        assertEquals(1, joins.size());
        JoinNode join = joins.get(0);
        assertEquals(JoinDistribution.PARTITIONED, join.distribution());
        assertEquals(ExchangeKind.HASH, ((RemoteSourceNode) join.left()).kind());
        assertEquals(ExchangeKind.HASH, ((RemoteSourceNode) join.right()).kind());
    }

    @Test
    void broadcastJoinFiltersItsProbeScanByItsBuildKeys() {
        List<Fragment> fragments = fragments("select n_name, count(*) from lineitem join nation on l_suppkey = n_nationkey group by n_name");
        JoinNode join = joins("select n_name, count(*) from lineitem join nation on l_suppkey = n_nationkey group by n_name").get(0);
        List<DynamicFilterNode> filters = new ArrayList<>();
        fragments.forEach(f -> filters.addAll(find(f.root(), DynamicFilterNode.class)));
        assertEquals(1, filters.size());
        DynamicFilterNode filter = filters.get(0);
        TableScanNode scan = (TableScanNode) filter.input();
        assertEquals("l_suppkey", scan.columns().get(filter.targets().get(0).column()).name());
        assertEquals(join.dynamicFilterId(), filter.targets().get(0).filterId());
    }

    @Test
    void dynamicFilterFollowsTheKeyThroughAnAggregationAndAnExchange() {
        // The distinct orderkeys of lineitem are many and orders are filtered to few: orders is
        // broadcast, and its keys reach the lineitem scan below the split DISTINCT.
        List<Fragment> fragments = fragments("select count(*) from orders where o_custkey < 10 and o_orderkey in "
                + "(select l_orderkey from lineitem)");
        Fragment scan = fragments.stream().filter(f -> !find(f.root(), TableScanNode.class).isEmpty()
                && "tpch.lineitem".equals(find(f.root(), TableScanNode.class).get(0).table())).findFirst().orElseThrow();
        assertEquals(1, find(scan.root(), DynamicFilterNode.class).size(), "lineitem scan is filtered");
    }

    @Test
    void smallProbeTableIsScannedWithoutWaitingForAFilter() {
        List<Fragment> fragments = fragments("select count(*) from nation n1 join nation n2 on n1.n_nationkey = n2.n_nationkey + 1");
        fragments.forEach(f -> assertEquals(List.of(), find(f.root(), DynamicFilterNode.class), "nation has 25 rows"));
    }

    @Test
    void dynamicFilterReachesEveryBranchOfAUnionAll() {
        List<Fragment> fragments = fragments("select count(*) from (select l_suppkey k from lineitem union all "
                + "select o_custkey k from orders) u join nation on u.k = n_nationkey");
        List<String> filtered = new ArrayList<>();
        fragments.forEach(f -> find(f.root(), DynamicFilterNode.class).forEach(filter -> filtered.add(((TableScanNode) filter.input()).table())));
        assertEquals(List.of("tpch.lineitem", "tpch.orders"), filtered.stream().sorted().toList());
    }

    @Test
    void aSmallBuildSideIsFilteredWhenItsJoinFiltersALargeProbeInTurn() {
        // TPC-DS q02's shape: a join over (lineitem joined to nation, which filters lineitem): the
        // outer join's key reaches the nation scan on the inner join's build side. Nation is too
        // small to be filtered for itself, but fewer nations there means fewer lineitem rows.
        TableScanNode lineitem = new TableScanNode("tpch.lineitem", List.of(new ScanColumn("l_suppkey", DataType.BIGINT)), List.of());
        TableScanNode nation = new TableScanNode("tpch.nation", List.of(new ScanColumn("n_nationkey", DataType.BIGINT)), List.of());
        JoinNode inner = new JoinNode(lineitem, new ExchangeNode(nation, ExchangeKind.BROADCAST, List.of(), 25), JoinType.INNER,
                List.of(0), List.of(0), null, JoinDistribution.BROADCAST, 0);
        ValuesNode france = new ValuesNode(List.of(DataType.BIGINT), List.of(List.of(6L)));
        JoinNode outer = new JoinNode(inner, france, JoinType.INNER, List.of(1), List.of(0), null, JoinDistribution.BROADCAST, 1);
        PlanNode placed = DynamicFilterPlacer.place(inner, outer, 1, scan -> scan.table().equals("tpch.lineitem"));
        List<DynamicFilterNode> filters = find(placed, DynamicFilterNode.class);
        assertEquals(1, filters.size(), "lineitem is not keyed by the outer join; nation is");
        assertEquals(nation, filters.get(0).input());
        assertEquals(1, filters.get(0).targets().get(0).filterId());

        JoinNode unfiltering = new JoinNode(lineitem, new ExchangeNode(nation, ExchangeKind.BROADCAST, List.of(), 25), JoinType.INNER,
                List.of(0), List.of(0), null, JoinDistribution.BROADCAST, JoinNode.NO_DYNAMIC_FILTER);
        assertEquals(null, DynamicFilterPlacer.place(unfiltering, outer, 1, scan -> scan.table().equals("tpch.lineitem")),
                "a small build side of a join that filters nothing is read without waiting");
    }

    @Test
    void outerJoinPublishesNoDynamicFilter() {
        List<Fragment> fragments = fragments("select n_name, count(*) from lineitem left join nation on l_suppkey = n_nationkey group by n_name");
        fragments.forEach(f -> assertEquals(List.of(), find(f.root(), DynamicFilterNode.class), "a LEFT join keeps unmatched rows"));
        joins("select * from lineitem left join nation on l_suppkey = n_nationkey")
                .forEach(join -> assertEquals(JoinNode.NO_DYNAMIC_FILTER, join.dynamicFilterId()));
    }

    private static List<JoinNode> joins(String sql) {
        List<JoinNode> joins = new ArrayList<>();
        fragments(sql).forEach(f -> joins.addAll(find(f.root(), JoinNode.class)));
        return joins;
    }

    @Test
    void countDistinctDropsDuplicatesOnEachTaskBeforeTheShuffle() {
        List<Fragment> fragments = fragments("select l_returnflag, count(distinct l_suppkey) from lineitem group by l_returnflag");
        AggregateNode local = find(fragments.get(2).root(), AggregateNode.class).get(0);
        assertEquals(2, local.groupKeys().size(), "grouped on (l_returnflag, l_suppkey)");
        assertEquals(0, local.aggregates().size());
        assertEquals(ExchangeKind.HASH, fragments.get(2).outputKind());
        AggregateNode merge = find(fragments.get(1).root(), AggregateNode.class).get(0);
        assertEquals(List.of(0), merge.groupKeys());
        assertEquals(true, merge.aggregates().get(0).distinct());
    }

    @Test
    void aGlobalCountDistinctIsCountedInPartsNotInOneTask() {
        List<Fragment> fragments = fragments("select count(distinct l_suppkey) from lineitem");
        List<AggregateNode> all = new ArrayList<>();
        fragments.forEach(f -> all.addAll(find(f.root(), AggregateNode.class)));
        all.forEach(node -> node.aggregates().forEach(call -> assertEquals(false, call.distinct(), node.toString())));
        Fragment distinctValues = fragments.stream().filter(f -> f.partitioning() == FragmentPartitioning.HASH).findFirst()
                .orElseThrow(() -> new AssertionError("the distinct values are not spread over the workers"));
        assertEquals(1, find(distinctValues.root(), AggregateNode.class).stream().filter(a -> a.groupKeys().size() == 1).count());
    }

    @Test
    void mixedDistinctAndPlainAggregatesMeetOncePerGroup() {
        List<Fragment> fragments = fragments("select l_returnflag, count(distinct l_suppkey), count(*) from lineitem group by l_returnflag");
        List<AggregateNode> all = new ArrayList<>();
        fragments.forEach(f -> all.addAll(find(f.root(), AggregateNode.class)));
        assertEquals(1, all.size(), all.toString());
        assertEquals(true, all.get(0).aggregates().get(0).distinct());
    }

    @Test
    void largeSingleTaskResultIsDealtRoundRobinBeforeAggregating() {
        List<Fragment> fragments = fragments("select l_returnflag, count(*) from "
                + "(select * from lineitem order by l_orderkey limit 100000) t group by l_returnflag");
        Fragment dealer = fragments.stream().filter(f -> f.outputKind() == ExchangeKind.ROUND_ROBIN).findFirst()
                .orElseThrow(() -> new AssertionError("no ROUND_ROBIN exchange"));
        assertEquals(FragmentPartitioning.SINGLE, dealer.partitioning());
        Fragment partial = fragments.stream().filter(f -> f.sourceFragmentIds().contains(dealer.id())).findFirst().orElseThrow();
        assertEquals(FragmentPartitioning.HASH, partial.partitioning(), "one task per worker");
        assertEquals(AggregateStep.PARTIAL, find(partial.root(), AggregateNode.class).get(0).step());
    }

    private static <T extends PlanNode> List<T> find(PlanNode node, Class<T> type) {
        List<T> found = new ArrayList<>();
        if (type.isInstance(node)) {
            found.add(type.cast(node));
        }
        node.inputs().forEach(input -> found.addAll(find(input, type)));
        return found;
    }
}
