package dev.shoal.tests;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A write longer than the client's HTTP response timeout completes: execute's call answers after a
 * bounded wait while the write runs on, and the driver asks for its count until it is committed. A
 * cancel meanwhile stops it, and nothing is left of it.
 */
class AsyncWriteTest {
    /**
     * A few seconds of work before a few rows are written: 375 million joined rows counted per
     * return flag (the write's time is its query's, as in most batch jobs' CREATE TABLE AS).
     */
    private static final String SLOW_SELECT = "select l_returnflag, count(*) as pairs from lineitem, nation n1, nation n2 "
            + "where l_quantity + n1.n_nationkey + n2.n_nationkey > 0 group by l_returnflag";

    private static Connection withClientTimeout(TestCluster cluster, int millis) throws SQLException {
        Properties properties = new Properties();
        // Standing for a proxy's or Avatica's own timeout against a write of minutes.
        properties.setProperty("http_response_timeout", Integer.toString(millis));
        return cluster.driver.connect(cluster.coordinator.jdbcUrl(), properties);
    }

    private static boolean tableExists(Statement s, String name) throws SQLException {
        try (ResultSet rs = s.executeQuery("show tables in tpch like '" + name + "'")) {
            return rs.next();
        }
    }

    @Test
    void aWriteLongerThanTheClientsResponseTimeoutCompletes() throws Exception {
        TestCluster cluster = TestCluster.get();
        // A, N and R.
        long expected = 3;
        try (Connection connection = cluster.connect(); Statement s = connection.createStatement()) {
            s.execute("drop table if exists tpch.async_write");
        }
        try (Connection connection = withClientTimeout(cluster, 2000); Statement s = connection.createStatement()) {
            long start = System.nanoTime();
            long written = s.executeLargeUpdate("create table tpch.async_write as " + SLOW_SELECT);
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            System.out.printf("slow write: %d rows committed after %d ms (client timeout 2000 ms)%n", written, elapsed);
            assertEquals(expected, written);
            // Every lineitem row pairs with each of the 25 × 25 nation pairs (quantities are at least 1).
            try (ResultSet rs = s.executeQuery("select (select sum(pairs) from tpch.async_write), (select count(*) * 625 from lineitem)")) {
                rs.next();
                assertEquals(rs.getLong(2), rs.getLong(1));
            }
            s.execute("drop table tpch.async_write");
            assumeTrue(elapsed > 3000, "the write took only " + elapsed + " ms here: too fast to outlast the client's timeout");
        }
    }

    @Test
    void aWriteCanceledWhileItRunsFailsAndLeavesNoTable() throws Exception {
        TestCluster cluster = TestCluster.get();
        try (Connection connection = withClientTimeout(cluster, 2000); Statement s = connection.createStatement()) {
            s.execute("drop table if exists tpch.async_canceled");
            CompletableFuture<Long> write = CompletableFuture.supplyAsync(() -> {
                try {
                    return s.executeLargeUpdate("create table tpch.async_canceled as select l_orderkey, l_comment, n_name, r_name "
                            + "from lineitem, nation, region where l_quantity > 0");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(1500);
            s.cancel();
            ExecutionException e = assertThrows(ExecutionException.class, () -> write.get(30, TimeUnit.SECONDS));
            SQLException cause = assertInstanceOf(SQLException.class, e.getCause().getCause());
            assertEquals("57014", cause.getSQLState(), cause.getMessage());
            assertTrue(cause.getMessage().startsWith("QUERY_CANCELED: "), cause.getMessage());
            assertFalse(tableExists(s, "async_canceled"));
        }
    }
}
