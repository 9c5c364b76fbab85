package dev.shoal.tests;

import dev.shoal.parquet.store.Location;
import dev.shoal.tests.oracle.ResultRows;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** INSERT adds files to a table Shoal wrote, in one catalog transaction; a bad or failed INSERT adds nothing. */
class InsertTest {
    private static TestCluster cluster;
    private static Connection shoal;

    @BeforeAll
    static void start() throws Exception {
        cluster = TestCluster.get();
        shoal = cluster.connect();
        try (Statement s = shoal.createStatement()) {
            s.execute("create schema if not exists ins");
            s.execute("create table ins.nations as select n_nationkey, n_name, n_regionkey from nation where n_regionkey = 0");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        try (Statement s = shoal.createStatement()) {
            s.execute("drop schema if exists ins cascade");
        }
        shoal.close();
    }

    private static long update(String sql) throws SQLException {
        try (Statement s = shoal.createStatement()) {
            assertFalse(s.execute(sql));
            return s.getLargeUpdateCount();
        }
    }

    private static long count() throws SQLException {
        try (Statement s = shoal.createStatement(); ResultSet rs = s.executeQuery("select count(*) from ins.nations")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int files() {
        return cluster.stores.list(Location.parse(TestCluster.WAREHOUSE + "ins/nations/")).size();
    }

    @Test
    void insertsAppendRowsThatShoalAndDuckDbRead() throws Exception {
        long before = count();
        assertEquals(5, update("insert into ins.nations select n_nationkey, n_name, n_regionkey from nation where n_regionkey = 1"));
        assertEquals(1, update("insert into ins.nations (n_name, n_nationkey) values ('ATLANTIS', 100)"));
        assertEquals(before + 6, count());
        try (Statement s = shoal.createStatement();
             ResultSet rs = s.executeQuery("select n_regionkey, n_nationkey from ins.nations where n_name = 'ATLANTIS'")) {
            assertTrue(rs.next());
            assertNull(rs.getObject(1), "a column the INSERT does not list is NULL");
            assertEquals(100, rs.getLong(2));
        }
        ResultRows fromShoal;
        try (Statement s = shoal.createStatement(); ResultSet rs = s.executeQuery("select * from ins.nations")) {
            fromShoal = ResultRows.read(rs);
        }
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duck.createStatement();
             ResultSet rs = s.executeQuery("select * from read_parquet('"
                     + cluster.dataDir.resolve("lake/warehouse/ins/nations/*.parquet") + "')")) {
            assertNull(ResultRows.difference(fromShoal.sorted(), ResultRows.read(rs).sorted()), "DuckDB reads every committed file");
        }
    }

    @Test
    void createTableWithColumnsMakesAnEmptyTableThatInsertFills() throws Exception {
        assertEquals(0, update("create table ins.events (id bigint, name varchar, amount decimal(10,2), at date) "
                + "with (write_compression = 'ZSTD')"));
        try (Statement s = shoal.createStatement(); ResultSet rs = s.executeQuery("select count(*) from ins.events")) {
            rs.next();
            assertEquals(0, rs.getLong(1));
        }
        assertEquals(2, update("insert into ins.events values (1, 'a', 1.50, date '2024-01-01'), (2, 'b', 2.00, date '2024-01-02')"));
        try (Statement s = shoal.createStatement(); ResultSet rs = s.executeQuery("select sum(amount), max(at) from ins.events")) {
            rs.next();
            assertEquals("3.50", rs.getBigDecimal(1).toPlainString());
            assertEquals("2024-01-02", rs.getDate(2).toString());
        }
        assertEquals("42S01", assertThrows(SQLException.class, () -> update("create table ins.events (x bigint)")).getSQLState());
        assertEquals(0, update("create table if not exists ins.events (x bigint)"));
    }

    @Test
    void badInsertsNameTheProblemAndAddNothing() throws Exception {
        long rows = count();
        int files = files();
        SQLException arity = assertThrows(SQLException.class, () -> update("insert into ins.nations select n_nationkey from nation"));
        assertTrue(arity.getMessage().contains("gives 1 column(s) for 3"), arity.getMessage());
        SQLException type = assertThrows(SQLException.class,
                () -> update("insert into ins.nations select n_name, n_name, n_regionkey from nation"));
        assertEquals("42804", type.getSQLState());
        assertTrue(type.getMessage().contains("column n_nationkey is BIGINT, the query gives VARCHAR"), type.getMessage());
        assertEquals("42S22", assertThrows(SQLException.class,
                () -> update("insert into ins.nations (nope) values (1)")).getSQLState());
        assertEquals("0A000", assertThrows(SQLException.class,
                () -> update("insert into tpch.nation select * from tpch.nation")).getSQLState());
        SQLException failed = assertThrows(SQLException.class, () -> update("insert into ins.nations "
                + "select l_orderkey, l_comment, 100 / (l_linenumber - 7) from lineitem"));
        assertEquals("22012", failed.getSQLState());
        assertEquals(rows, count());
        assertEquals(files, files(), "a failed INSERT leaves no file behind");
    }
}
