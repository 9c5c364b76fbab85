package dev.shoal.tests;

import dev.shoal.parquet.store.Location;
import dev.shoal.parquet.store.ObjectInfo;
import dev.shoal.tests.oracle.ResultRows;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CREATE TABLE AS writes Parquet from every task, commits the files to the catalog, and the table
 * reads back as the query's answer, in Shoal and in DuckDB over the written files. A failed write
 * leaves no table and no files.
 */
class CreateTableAsTest {
    private static TestCluster cluster;
    private static Connection shoal;
    private static Connection duck;

    @BeforeAll
    static void start() throws Exception {
        cluster = TestCluster.get();
        shoal = cluster.connect();
        duck = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = shoal.createStatement()) {
            s.execute("create schema if not exists ctas");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        try (Statement s = shoal.createStatement()) {
            s.execute("drop schema if exists ctas cascade");
        }
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
            assertFalse(s.execute(sql));
            return s.getLargeUpdateCount();
        }
    }

    private static List<ObjectInfo> filesUnder(String table) {
        return cluster.stores.list(Location.parse(TestCluster.WAREHOUSE + "ctas/" + table + "/"));
    }

    private static String writtenFiles(String table) {
        return cluster.dataDir.resolve("lake/warehouse/ctas/" + table + "/*.parquet").toString();
    }

    @Test
    void aGroupByWrittenByEveryTaskReadsBackAsTheQuerysAnswer() throws Exception {
        String query = "select l_returnflag, l_linestatus, sum(l_quantity) as qty, count(*) as n, avg(l_discount) as disc "
                + "from lineitem group by l_returnflag, l_linestatus";
        assertEquals(4, update("create table ctas.summary as " + query));

        String difference = ResultRows.difference(shoalRows("select * from ctas.summary").sorted(), shoalRows(query).sorted());
        assertNull(difference, difference);
        ResultRows fromDuck = duckRows("select * from read_parquet('" + writtenFiles("summary") + "')");
        assertNull(ResultRows.difference(fromDuck.sorted(), shoalRows(query).sorted()), "DuckDB reads the written files");
        // The table is its committed files, never a listing: a stray file in its folder is not read.
        cluster.stores.write(Location.parse(TestCluster.WAREHOUSE + "ctas/summary/stray.parquet"),
                Files.readAllBytes(Files.list(cluster.tableDir("nation")).filter(f -> f.toString().endsWith(".parquet")).findFirst().orElseThrow()));
        assertEquals(4, ((Number) shoalRows("select count(*) from ctas.summary").rows().get(0).get(0)).intValue());
        cluster.stores.delete(Location.parse(TestCluster.WAREHOUSE + "ctas/summary/stray.parquet"));
        assertTrue(filesUnder("summary").stream().allMatch(f -> f.location().key().matches(".*/\\d{8}_\\d{6}_[0-9a-f]{10}_\\d+-\\d+-\\d+_0_\\d+\\.parquet")),
                filesUnder("summary").toString());
    }

    @Test
    void aScanIsWrittenInParallelWithTheChosenCompression() throws Exception {
        long rows = update("create table ctas.items with (format = 'PARQUET', write_compression = 'GZIP') as "
                + "select l_orderkey, l_partkey, l_extendedprice, l_shipdate, l_comment from lineitem where l_linenumber <= 3");
        ResultRows expected = duckRows("select count(*), sum(l_extendedprice), min(l_shipdate), max(l_comment) from read_parquet('"
                + cluster.tableDir("lineitem").resolve("*.parquet") + "') where l_linenumber <= 3");
        assertEquals(((Number) expected.rows().get(0).get(0)).longValue(), rows, "the update count is the rows written");
        assertNull(ResultRows.difference(shoalRows("select count(*), sum(l_extendedprice), min(l_shipdate), max(l_comment) "
                + "from ctas.items").sorted(), expected.sorted()));
        assertNull(ResultRows.difference(duckRows("select count(*), sum(l_extendedprice), min(l_shipdate), max(l_comment) "
                + "from read_parquet('" + writtenFiles("items") + "')").sorted(), expected.sorted()));
        assertTrue(filesUnder("items").size() >= 2, "each of the two workers' scan tasks wrote its own file: " + filesUnder("items"));
        ResultRows codecs = duckRows("select distinct compression from parquet_metadata('" + writtenFiles("items") + "')");
        assertEquals("GZIP", codecs.rows().get(0).get(0).toString().toUpperCase());
    }

    @Test
    void droppingAManagedTableDeletesItsFiles() throws Exception {
        update("create table ctas.doomed as select n_nationkey, n_name from nation");
        assertFalse(filesUnder("doomed").isEmpty());
        update("drop table ctas.doomed");
        assertEquals(List.of(), filesUnder("doomed"));
        assertThrows(SQLException.class, () -> shoalRows("select * from ctas.doomed"));
    }

    @Test
    void withNoDataCreatesTheColumnsOnly() throws Exception {
        assertEquals(0, update("create table ctas.empty as select n_nationkey, n_name as name from nation with no data"));
        assertEquals(0, ((Number) shoalRows("select count(*) from ctas.empty").rows().get(0).get(0)).longValue());
        try (Statement s = shoal.createStatement(); ResultSet rs = s.executeQuery("select * from ctas.empty")) {
            assertEquals("name", rs.getMetaData().getColumnName(2));
        }
    }

    @Test
    void aWriteThatFailsLeavesNoTableAndNoFiles() {
        SQLException e = assertThrows(SQLException.class, () -> update("create table ctas.broken as "
                + "select l_orderkey, 100 / (l_linenumber - 7) as x from lineitem"));
        assertEquals("22012", e.getSQLState(), e.getMessage());
        assertThrows(SQLException.class, () -> shoalRows("select * from ctas.broken"));
        assertEquals(List.of(), filesUnder("broken"));
    }

    @Test
    void badCreateTableAsNamesTheProblem() throws Exception {
        update("create table ctas.once as select 1 as one");
        SQLException exists = assertThrows(SQLException.class, () -> update("create table ctas.once as select 2 as two"));
        assertEquals("42S01", exists.getSQLState());
        assertEquals(0, update("create table if not exists ctas.once as select 2 as two"));
        assertEquals(List.of(List.of(1)), shoalRows("select * from ctas.once").rows().stream()
                .map(r -> List.of(((Number) r.get(0)).intValue())).toList(), "the first table is unchanged");

        SQLException unnamed = assertThrows(SQLException.class, () -> update("create table ctas.t as select 1 + 1"));
        assertTrue(unnamed.getMessage().contains("column 1 of the query has no name"), unnamed.getMessage());
        SQLException twice = assertThrows(SQLException.class, () -> update("create table ctas.t as select 1 as a, 2 as a"));
        assertTrue(twice.getMessage().contains("column name a is given more than once"), twice.getMessage());
        SQLException property = assertThrows(SQLException.class,
                () -> update("create table ctas.t with (colour = 'red') as select 1 as a"));
        assertTrue(property.getMessage().contains("unknown table property colour"), property.getMessage());
        SQLException partitioned = assertThrows(SQLException.class,
                () -> update("create table ctas.t with (partitioned_by = ARRAY['a']) as select 1 as a"));
        assertTrue(partitioned.getMessage().contains("needs a column that is not a partition column"), partitioned.getMessage());
        SQLException bucketed = assertThrows(SQLException.class,
                () -> update("create table ctas.t with (bucketed_by = ARRAY['b'], bucket_count = 4) as select 1 as a"));
        assertTrue(bucketed.getMessage().contains("bucketing column b is not a column of the query"), bucketed.getMessage());
        assertEquals(List.of(), filesUnder("t"));
    }
}
