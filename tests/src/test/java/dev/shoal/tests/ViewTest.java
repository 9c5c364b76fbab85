package dev.shoal.tests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Views: kept as their query's text, planned again at each read, listed and described with the tables. */
class ViewTest {
    private static Connection connection;

    @BeforeAll
    static void connect() throws Exception {
        connection = TestCluster.get().connect();
        run("create schema if not exists views");
        run("create or replace view views.big_orders as select o_orderkey, o_custkey, o_totalprice from orders "
                + "where o_totalprice > 400000");
    }

    @AfterAll
    static void close() throws Exception {
        run("drop schema if exists views cascade");
        connection.close();
    }

    private static void run(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<String> column(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    @Test
    void aViewAnswersAsItsQueryAndViewsOfViewsToo() throws Exception {
        assertEquals(column("select count(*) from orders where o_totalprice > 400000"), column("select count(*) from views.big_orders"));
        assertEquals(column("select sum(c_acctbal) from orders join customer on o_custkey = c_custkey where o_totalprice > 400000"),
                column("select sum(c_acctbal) from views.big_orders b join customer c on b.o_custkey = c.c_custkey"));
        run("create view views.top5 as select o_orderkey from views.big_orders order by o_totalprice desc, o_orderkey limit 5");
        assertEquals(column("select o_orderkey from orders order by o_totalprice desc, o_orderkey limit 5"),
                column("select * from views.top5"));
        try (Connection other = TestCluster.get().connect(); Statement s = other.createStatement()) {
            s.execute("use views");
            try (ResultSet rs = s.executeQuery("select count(*) from top5")) {
                rs.next();
                assertEquals(5, rs.getLong(1), "the view's own names resolve in the schema it was created in (tpch)");
            }
        }
        run("drop view views.top5");
    }

    @Test
    void viewsAreListedDescribedReplacedAndDropped() throws Exception {
        assertTrue(column("show tables in views").contains("big_orders"));
        assertEquals(List.of("o_orderkey", "o_custkey", "o_totalprice"), column("describe views.big_orders"));
        try (ResultSet rs = connection.getMetaData().getTables(null, "views", "big%", new String[] {"VIEW"})) {
            assertTrue(rs.next());
            assertEquals("VIEW", rs.getString("TABLE_TYPE"));
        }
        run("create view views.shape as select 1 as one");
        assertEquals("42S01", assertThrows(SQLException.class, () -> run("create view views.shape as select 2 as two")).getSQLState());
        run("create or replace view views.shape as select 2 as two, 'x' as letter");
        assertEquals(List.of("two", "letter"), column("describe views.shape"));
        SQLException unnamed = assertThrows(SQLException.class, () -> run("create view views.bad as select 1 + 1"));
        assertTrue(unnamed.getMessage().contains("has no name"), unnamed.getMessage());
        SQLException dropTable = assertThrows(SQLException.class, () -> run("drop table views.shape"));
        assertTrue(dropTable.getMessage().contains("is a view"), dropTable.getMessage());
        run("drop view views.shape");
        run("drop view if exists views.shape");
        assertEquals("42S02", assertThrows(SQLException.class, () -> run("drop view views.shape")).getSQLState());
    }
}
