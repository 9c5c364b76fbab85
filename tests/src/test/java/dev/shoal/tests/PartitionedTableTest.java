package dev.shoal.tests;

import dev.shoal.core.catalog.HiveBuckets;
import dev.shoal.core.type.DataType;
import dev.shoal.parquet.store.Location;
import dev.shoal.parquet.store.ObjectInfo;
import dev.shoal.tests.oracle.ResultRows;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hive-style partitioned tables: written by CREATE TABLE AS and INSERT into {@code k=v/} folders
 * that DuckDB reads as the same table, found under the location of an external table DuckDB
 * wrote, pruned before any file is read, and kept up to date by MSCK REPAIR and ADD/DROP PARTITION.
 */
class PartitionedTableTest {
    private static final Pattern READ = Pattern.compile("read (\\d+) files, ([\\d.]+) (B|kB|MB);");

    private static TestCluster cluster;
    private static Connection shoal;
    private static Connection duck;

    @BeforeAll
    static void start() throws Exception {
        cluster = TestCluster.get();
        shoal = cluster.connect();
        duck = DriverManager.getConnection("jdbc:duckdb:");
        update("create schema if not exists parts");
    }

    @AfterAll
    static void stop() throws Exception {
        update("drop schema if exists parts cascade");
        shoal.close();
        duck.close();
    }

    private static ResultRows shoalRows(String sql) throws SQLException {
        try (Statement s = shoal.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return ResultRows.read(rs);
        }
    }

    private static ResultRows duckRows(String sql) throws SQLException {
        try (Statement s = duck.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return ResultRows.read(rs);
        }
    }

    private static long update(String sql) throws SQLException {
        try (Statement s = shoal.createStatement()) {
            s.execute(sql);
            return s.getLargeUpdateCount();
        }
    }

    private static List<String> column(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        for (List<Object> row : shoalRows(sql).rows()) {
            values.add(String.valueOf(row.get(0)));
        }
        return values;
    }

    private static String lineitemFiles() {
        return cluster.tableDir("lineitem").resolve("*.parquet").toString();
    }

    /**
     * Files and bytes the query read from storage, from EXPLAIN ANALYZE's first line, once warm: a
     * first run may fetch footers a worker does not hold yet, which later runs take from its cache.
     */
    private static long[] readBy(String query) throws SQLException {
        column("explain analyze " + query);
        String summary = column("explain analyze " + query).get(0);
        Matcher m = READ.matcher(summary);
        assertTrue(m.find(), summary);
        double scale = switch (m.group(3)) {
            case "kB" -> 1e3;
            case "MB" -> 1e6;
            default -> 1;
        };
        return new long[] {Long.parseLong(m.group(1)), Math.round(Double.parseDouble(m.group(2)) * scale)};
    }

    private static void assertSameRows(ResultRows actual, ResultRows expected) {
        String difference = ResultRows.difference(actual.sorted(), expected.sorted());
        assertNull(difference, difference);
    }

    @Test
    void aPartitionedCreateTableAsWritesHiveFoldersThatDuckDbReadsAndQueriesPruneThem() throws Exception {
        long rows = update("create table parts.items with (partitioned_by = ARRAY['l_shipmode']) as "
                + "select l_orderkey, l_quantity, l_extendedprice, l_shipdate, l_shipmode from lineitem");
        String sourceQuery = "select l_shipmode, count(*), sum(l_quantity), sum(l_extendedprice), max(l_shipdate) from read_parquet('"
                + lineitemFiles() + "') group by l_shipmode";
        ResultRows expected = duckRows(sourceQuery);
        assertEquals(((Number) duckRows("select count(*) from read_parquet('" + lineitemFiles() + "')").rows().get(0).get(0)).longValue(), rows);

        List<String> modes = duckRows("select distinct 'l_shipmode=' || l_shipmode from read_parquet('" + lineitemFiles()
                + "') order by 1").rows().stream().map(r -> r.get(0).toString()).toList();
        assertEquals(modes, column("show partitions parts.items"));
        String grouped = "select l_shipmode, count(*), sum(l_quantity), sum(l_extendedprice), max(l_shipdate) from parts.items group by l_shipmode";
        assertSameRows(shoalRows(grouped), expected);

        Path folder = cluster.dataDir.resolve("lake/warehouse/parts/items");
        try (var listing = Files.list(folder)) {
            assertEquals(modes, listing.map(p -> p.getFileName().toString()).sorted().toList(), "one k=v folder per partition");
        }
        ResultRows fromDuck = duckRows("select l_shipmode, count(*), sum(l_quantity), sum(l_extendedprice), max(l_shipdate) "
                + "from read_parquet('" + folder + "/*/*.parquet', hive_partitioning = true) group by l_shipmode");
        assertSameRows(fromDuck, expected);
        assertEquals(4, ((Number) duckRows("select count(*) from (describe select * from read_parquet('" + folder + "/*/*.parquet', hive_partitioning = false))")
                .rows().get(0).get(0)).intValue(), "the partition column is in the folder names, not in the files");

        // Pruning: one of seven partitions is read, and EXPLAIN says so before anything runs.
        String plan = String.join("\n", column("explain select sum(l_quantity) from parts.items where l_shipmode = 'AIR'"));
        assertTrue(plan.matches("(?s).*partitions=1/7 files=\\d+/\\d+.*"), plan);
        long[] all = readBy("select sum(l_quantity) from parts.items");
        long[] air = readBy("select sum(l_quantity) from parts.items where l_shipmode = 'AIR'");
        assertTrue(air[1] * 5 <= all[1], "one partition reads at most 1/5 of the bytes: " + air[1] + " of " + all[1]);
        assertTrue(air[0] < all[0], air[0] + " files of " + all[0]);
        assertSameRows(shoalRows("select count(*), sum(l_quantity) from parts.items where l_shipmode in ('AIR', 'MAIL') and l_quantity > 10"),
                duckRows("select count(*), sum(l_quantity) from read_parquet('" + lineitemFiles()
                        + "') where l_shipmode in ('AIR', 'MAIL') and l_quantity > 10"));
        assertSameRows(shoalRows("select count(*) from parts.items where l_shipmode like 'RE%' or l_shipmode = 'FOB'"),
                duckRows("select count(*) from read_parquet('" + lineitemFiles() + "') where l_shipmode like 'RE%' or l_shipmode = 'FOB'"));
        assertEquals(List.of("0"), column("select count(*) from parts.items where l_shipmode = 'BOAT'"));
    }

    @Test
    void insertAddsPartitionsAndInsertOverwriteReplacesOnlyThePartitionsItWrites() throws Exception {
        update("create table parts.orders_by_status with (partitioned_by = ARRAY['o_orderstatus']) as "
                + "select o_orderkey, o_totalprice, o_orderstatus from orders where o_orderstatus in ('F', 'O')");
        assertEquals(List.of("o_orderstatus=F", "o_orderstatus=O"), column("show partitions parts.orders_by_status"));
        update("insert into parts.orders_by_status select o_orderkey, o_totalprice, o_orderstatus from orders where o_orderstatus = 'P'");
        assertEquals(List.of("o_orderstatus=F", "o_orderstatus=O", "o_orderstatus=P"), column("show partitions parts.orders_by_status"));
        String byStatus = "select o_orderstatus, count(*), sum(o_totalprice) from %s group by o_orderstatus";
        assertSameRows(shoalRows(byStatus.formatted("parts.orders_by_status")), shoalRows(byStatus.formatted("orders")));

        List<ObjectInfo> before = cluster.stores.list(Location.parse(TestCluster.WAREHOUSE + "parts/orders_by_status/o_orderstatus=O/"));
        long written = update("insert overwrite table parts.orders_by_status select o_orderkey, o_totalprice, o_orderstatus "
                + "from orders where o_orderstatus = 'O' and o_orderkey < 1000");
        assertSameRows(shoalRows("select count(*) from parts.orders_by_status where o_orderstatus = 'O'"),
                shoalRows("select " + written + " from (values 1)"));
        assertSameRows(shoalRows(byStatus.formatted("parts.orders_by_status") + " having o_orderstatus <> 'O'"),
                shoalRows(byStatus.formatted("orders") + " having o_orderstatus <> 'O'"));
        List<ObjectInfo> after = cluster.stores.list(Location.parse(TestCluster.WAREHOUSE + "parts/orders_by_status/o_orderstatus=O/"));
        assertTrue(after.stream().noneMatch(before::contains), "the replaced files are deleted: " + after);
    }

    @Test
    void anExternalTableOverFoldersDuckDbWroteFindsItsPartitionsAndMsckRepairKeepsThemCurrent() throws Exception {
        Path out = cluster.dataDir.resolve("lake/duckparts");
        try (Statement s = duck.createStatement()) {
            s.execute("copy (select l_orderkey, l_quantity, l_returnflag, l_linestatus from read_parquet('" + lineitemFiles()
                    + "')) to '" + out + "' (format parquet, partition_by (l_returnflag, l_linestatus))");
        }
        update("create external table parts.duck stored as parquet location 's3://lake/duckparts/'");
        assertEquals(List.of("l_orderkey", "l_quantity", "l_returnflag", "l_linestatus"), column("show columns from parts.duck"));
        String query = "select l_returnflag, l_linestatus, count(*), sum(l_quantity) from %s group by l_returnflag, l_linestatus";
        ResultRows expected = duckRows(query.formatted("read_parquet('" + lineitemFiles() + "')"));
        assertSameRows(shoalRows(query.formatted("parts.duck")), expected);
        assertEquals(duckRows("select distinct 'l_returnflag=' || l_returnflag || '/l_linestatus=' || l_linestatus from read_parquet('"
                + lineitemFiles() + "') order by 1").rows().stream().map(r -> r.get(0).toString()).toList(), column("show partitions parts.duck"));

        // Declared columns and types: the partition columns come from PARTITIONED BY.
        update("create external table parts.duck_typed (l_orderkey bigint, l_quantity decimal(15,2)) "
                + "partitioned by (l_returnflag varchar, l_linestatus varchar) stored as parquet location 's3://lake/duckparts'");
        assertSameRows(shoalRows(query.formatted("parts.duck_typed")), expected);
        long allFiles;
        long rFiles;
        try (var all = Files.walk(out); var r = Files.walk(out.resolve("l_returnflag=R"))) {
            allFiles = all.filter(f -> f.toString().endsWith(".parquet")).count();
            rFiles = r.filter(f -> f.toString().endsWith(".parquet")).count();
        }
        assertEquals(List.of("partitions=1/4 files=" + rFiles + "/" + allFiles),
                column("explain select count(*) from parts.duck_typed where l_returnflag = 'R'").stream()
                .filter(l -> l.contains("TableScan")).map(l -> l.replaceAll(".*(partitions=\\d+/\\d+ files=\\d+/\\d+).*", "$1")).toList(),
                "an external table's files are counted by listing, for EXPLAIN");

        // A folder added later is found by MSCK REPAIR; one removed is forgotten by SYNC PARTITIONS.
        Path extra = out.resolve("l_returnflag=X").resolve("l_linestatus=Y");
        Files.createDirectories(extra);
        try (var files = Files.list(out.resolve("l_returnflag=R").resolve("l_linestatus=F"))) {
            Files.copy(files.findFirst().orElseThrow(), extra.resolve("data_0.parquet"));
        }
        assertEquals(List.of("0"), column("select count(*) from parts.duck_typed where l_returnflag = 'X'"));
        assertEquals(List.of("l_returnflag=X/l_linestatus=Y"), column("msck repair table parts.duck_typed"));
        assertEquals(List.of("l_returnflag=X/l_linestatus=Y"), column("show partitions parts.duck_typed").stream()
                .filter(p -> p.contains("=X")).toList());
        assertFalse(column("select count(*) from parts.duck_typed where l_returnflag = 'X'").equals(List.of("0")));
        Files.delete(extra.resolve("data_0.parquet"));
        assertEquals(List.of("l_returnflag=X/l_linestatus=Y"), column("msck repair table parts.duck_typed sync partitions"));
        assertEquals(4, column("show partitions parts.duck_typed").size());
    }

    @Test
    void addAndDropPartitionRegisterAndForgetFolders() throws Exception {
        Path root = cluster.dataDir.resolve("lake/manual");
        Path nationFile;
        try (var files = Files.list(cluster.tableDir("nation"))) {
            nationFile = files.filter(f -> f.toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        for (String folder : List.of("year=2023", "year=2024", "elsewhere", "year=" + "__HIVE_DEFAULT_PARTITION__")) {
            Files.createDirectories(root.resolve(folder));
            Files.copy(nationFile, root.resolve(folder).resolve("part-0.parquet"));
        }
        Files.move(root.resolve("elsewhere"), cluster.dataDir.resolve("lake/elsewhere"));
        update("create external table parts.manual (n_nationkey bigint, n_name varchar) partitioned by (year bigint) "
                + "stored as parquet location 's3://lake/manual/'");
        assertEquals(List.of("year=2023", "year=2024", "year=__HIVE_DEFAULT_PARTITION__"), column("show partitions parts.manual"));
        assertEquals(List.of(List.of("n_nationkey", ""), List.of("n_name", ""), List.of("year", "partition key")),
                shoalRows("describe parts.manual").rows().stream().map(r -> List.of(r.get(0), r.get(2))).toList());
        assertEquals(List.of("25"), column("select count(*) from parts.manual where year is null"));
        assertEquals(List.of("50"), column("select count(*) from parts.manual where year >= 2023"));

        update("alter table parts.manual add partition (year = 2025) location 's3://lake/elsewhere/'");
        assertEquals(List.of("25"), column("select count(*) from parts.manual where year = 2025"));
        SQLException twice = assertThrows(SQLException.class, () -> update("alter table parts.manual add partition (year = 2025)"));
        assertTrue(twice.getMessage().contains("already has partition year=2025"), twice.getMessage());
        update("alter table parts.manual add if not exists partition (year = 2025)");

        update("alter table parts.manual drop partition (year = 2023), partition (year = 2025)");
        assertEquals(List.of("year=2024", "year=__HIVE_DEFAULT_PARTITION__"), column("show partitions parts.manual"));
        assertTrue(Files.exists(cluster.dataDir.resolve("lake/elsewhere/part-0.parquet")), "an external table's files stay");
        SQLException missing = assertThrows(SQLException.class, () -> update("alter table parts.manual drop partition (year = 1999)"));
        assertTrue(missing.getMessage().contains("no partition matching (year = '1999')"), missing.getMessage());
        update("alter table parts.manual drop if exists partition (year = 1999)");
        assertTrue(column("show create table parts.manual").get(0).contains("PARTITIONED BY (\n   \"year\" bigint\n)"),
                column("show create table parts.manual").get(0));
    }

    @Test
    void aBucketedWriteHashesEachPartitionsRowsIntoOneFilePerBucketAsHiveDoes() throws Exception {
        update("create table parts.bucketed with (partitioned_by = ARRAY['o_orderstatus'], bucketed_by = ARRAY['o_custkey'], "
                + "bucket_count = 4) as select o_orderkey, o_custkey, o_totalprice, o_orderstatus from orders");
        update("insert into parts.bucketed select o_orderkey, o_custkey, o_totalprice, 'X' from orders where o_orderkey < 1000");
        String byStatus = "select o_orderstatus, count(*), sum(o_totalprice), count(distinct o_custkey) from %s group by o_orderstatus";
        assertSameRows(shoalRows(byStatus.formatted("parts.bucketed")), shoalRows(byStatus.formatted(
                "(select o_orderkey, o_custkey, o_totalprice, o_orderstatus from orders union all "
                        + "select o_orderkey, o_custkey, o_totalprice, 'X' from orders where o_orderkey < 1000)")));
        Path folder = cluster.dataDir.resolve("lake/warehouse/parts/bucketed");
        List<Path> partitions;
        try (var listing = Files.list(folder)) {
            partitions = listing.sorted().toList();
        }
        assertEquals(List.of("o_orderstatus=F", "o_orderstatus=O", "o_orderstatus=P", "o_orderstatus=X"),
                partitions.stream().map(p -> p.getFileName().toString()).toList());
        Pattern bucketOf = Pattern.compile("_bucket-(\\d{5})_");
        for (Path partition : partitions) {
            List<Path> files;
            try (var listing = Files.list(partition)) {
                files = listing.sorted().toList();
            }
            List<Integer> buckets = new ArrayList<>();
            for (Path file : files) {
                Matcher m = bucketOf.matcher(file.getFileName().toString());
                assertTrue(m.find(), file.toString());
                int bucket = Integer.parseInt(m.group(1));
                buckets.add(bucket);
                for (List<Object> row : duckRows("select distinct o_custkey from read_parquet('" + file + "')").rows()) {
                    long custkey = ((Number) row.get(0)).longValue();
                    assertEquals(bucket, HiveBuckets.bucket(new Object[] {custkey}, List.of(DataType.BIGINT), 4),
                            "o_custkey " + custkey + " in " + file.getFileName());
                }
            }
            assertEquals(buckets.stream().distinct().count(), buckets.size(), "one file per bucket in " + partition.getFileName() + ": " + files);
            assertTrue(buckets.size() <= 4, files.toString());
        }
        String ddl = column("show create table parts.bucketed").get(0);
        assertTrue(ddl.contains("'bucketed_by' = 'o_custkey'") && ddl.contains("'bucket_count' = '4'"), ddl);

        SQLException decimal = assertThrows(SQLException.class, () -> update("create table parts.nobuckets with (bucketed_by = "
                + "ARRAY['o_totalprice'], bucket_count = 4) as select o_orderkey, o_totalprice from orders"));
        assertTrue(decimal.getMessage().contains("bucketing column o_totalprice is DECIMAL(15,2)"), decimal.getMessage());
        SQLException alone = assertThrows(SQLException.class, () -> update("create table parts.nobuckets with (bucket_count = 4) "
                + "as select o_orderkey from orders"));
        assertTrue(alone.getMessage().contains("bucketed_by and bucket_count go together"), alone.getMessage());
    }

    @Test
    void explainAnalyzeOfAWriteRunsItAndReportsTheRowsFilesAndBytesWritten() throws Exception {
        List<String> report = column("explain analyze create table parts.analyzed with (partitioned_by = ARRAY['o_orderstatus']) "
                + "as select o_orderkey, o_orderstatus from orders");
        assertTrue(report.get(0).matches("Write: 150000 rows, \\d+ files, [\\d.]+ (kB|MB) into parts.analyzed, committed"), report.get(0));
        assertTrue(report.get(1).startsWith("Query: "), report.get(1));
        assertTrue(String.join("\n", report).contains("TableWriter"), String.join("\n", report));
        assertEquals(List.of("150000"), column("select count(*) from parts.analyzed"), "EXPLAIN ANALYZE ran and committed the write");
        List<String> insert = column("explain analyze insert into parts.analyzed select o_orderkey, 'Z' from orders where o_orderkey < 100");
        String expected = column("select count(*) from orders where o_orderkey < 100").get(0);
        assertTrue(insert.get(0).startsWith("Write: " + expected + " rows, 1 files, "), insert.get(0));
        SQLException plain = assertThrows(SQLException.class, () -> column("explain create table parts.never as select 1 as x"));
        assertEquals("0A000", plain.getSQLState(), plain.getMessage());
    }

    @Test
    void badPartitionsAreRefusedByNameAndLeaveNothingBehind() throws Exception {
        Path root = cluster.dataDir.resolve("lake/badparts");
        Path nationFile;
        try (var files = Files.list(cluster.tableDir("nation"))) {
            nationFile = files.filter(f -> f.toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        Files.createDirectories(root.resolve("n=abc"));
        Files.copy(nationFile, root.resolve("n=abc").resolve("part-0.parquet"));
        SQLException value = assertThrows(SQLException.class, () -> update("create external table parts.bad (n_name varchar) "
                + "partitioned by (n bigint) stored as parquet location 's3://lake/badparts/'"));
        assertTrue(value.getMessage().contains("s3://lake/badparts/n=abc/") && value.getMessage().contains("'abc' of column n is not a BIGINT"),
                value.getMessage());
        assertThrows(SQLException.class, () -> shoalRows("select * from parts.bad"));

        SQLException missing = assertThrows(SQLException.class, () -> update("create table parts.nopart "
                + "with (partitioned_by = ARRAY['o_orderstatus']) as select o_orderkey, o_totalprice from orders"));
        assertTrue(missing.getMessage().contains("partition column o_orderstatus is not a column of the query"), missing.getMessage());
        SQLException notLast = assertThrows(SQLException.class, () -> update("create table parts.nopart "
                + "with (partitioned_by = ARRAY['o_orderstatus']) as select o_orderstatus, o_orderkey from orders"));
        assertTrue(notLast.getMessage().contains("must be the last columns of the query"), notLast.getMessage());

        SQLException writers = assertThrows(SQLException.class, () -> update("create table parts.toomany "
                + "with (partitioned_by = ARRAY['o_custkey']) as select o_orderkey, o_custkey from orders"));
        assertEquals("54000", writers.getSQLState(), writers.getMessage());
        assertTrue(writers.getMessage().contains("more than 100 partitions"), writers.getMessage());
        assertThrows(SQLException.class, () -> shoalRows("select * from parts.toomany"));
        assertEquals(List.of(), cluster.stores.list(Location.parse(TestCluster.WAREHOUSE + "parts/toomany/")));
        assertEquals(List.of(), cluster.stores.list(Location.parse(TestCluster.WAREHOUSE + "parts/nopart/")));
    }
}
