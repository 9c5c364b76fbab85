package dev.shoal.tests;

import dev.shoal.catalog.StoredCatalog;
import dev.shoal.coordinator.CoordinatorConfig;
import dev.shoal.coordinator.lifecycle.QueryLimits;
import dev.shoal.launcher.local.EmbeddedCluster;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A coordinator that runs one query at a time and queues one: the second waits QUEUED (visible in
 * system.runtime.queries, which never waits), the third fails at once, and the queued one runs
 * when the first ends. Its history, in its SQLite catalog, is there again after a restart.
 */
class QueryQueueTest {
    private static final String ENDLESS = "select count(*) from lineitem, nation, nation n2, region";
    private static final String SECOND = "select count(*) from orders";

    private static EmbeddedCluster start(TestCluster cluster, StoredCatalog catalog) throws Exception {
        return EmbeddedCluster.start(CoordinatorConfig.defaults("127.0.0.1", 0, 0, "tpch").withLimits(new QueryLimits(1, 1, 50)),
                catalog, cluster.stores, 1);
    }

    private static CompletableFuture<String> submit(Connection connection, String sql) {
        return CompletableFuture.supplyAsync(() -> {
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getString(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static String stateOf(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "select state from system.runtime.queries where query = '" + sql + "' order by created desc limit 1")) {
            return rs.next() ? rs.getString(1) : "absent";
        }
    }

    private static void await(Connection connection, String sql, String state) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!stateOf(connection, sql).equals(state)) {
            assertTrue(System.nanoTime() < deadline, sql + " is " + stateOf(connection, sql) + ", not " + state);
            Thread.sleep(50);
        }
    }

    @Test
    void pastTheLimitQueriesWaitThenRunAndPastTheQueueTheyFail() throws Exception {
        TestCluster cluster = TestCluster.get();
        Path file = Files.createTempDirectory("shoal-queue").resolve("catalog.db");
        List<String> history = new ArrayList<>();
        try (StoredCatalog catalog = cluster.tpchCatalogAt(file); EmbeddedCluster coordinator = start(cluster, catalog);
             Connection first = cluster.driver.connect(coordinator.jdbcUrl(), new Properties());
             Connection second = cluster.driver.connect(coordinator.jdbcUrl(), new Properties());
             Connection watcher = cluster.driver.connect(coordinator.jdbcUrl(), new Properties())) {
            Statement endless = first.createStatement();
            CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
                try {
                    Results.runToEnd(endless, ENDLESS);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            await(watcher, ENDLESS, "RUNNING");
            CompletableFuture<String> queued = submit(second, SECOND);
            await(watcher, SECOND, "QUEUED");

            SQLException full = assertThrows(SQLException.class, () -> watcher.createStatement().executeQuery("select count(*) from part"));
            assertEquals("53000", full.getSQLState());
            assertTrue(full.getMessage().contains("QUERY_QUEUE_FULL"), full.getMessage());

            endless.cancel();
            assertEquals("150000", queued.get(20, TimeUnit.SECONDS));
            assertThrows(Exception.class, () -> running.get(10, TimeUnit.SECONDS));
            try (Statement s = watcher.createStatement(); ResultSet rs = s.executeQuery(
                    "select queued_time_ms, state from system.runtime.queries where query = '" + SECOND + "'")) {
                assertTrue(rs.next());
                assertTrue(rs.getLong(1) > 0, "queued for " + rs.getLong(1) + " ms");
                assertEquals("FINISHED", rs.getString(2));
            }
            try (Statement s = watcher.createStatement(); ResultSet rs = s.executeQuery(
                    "select query_id, state from system.runtime.queries where query in ('" + SECOND + "', '" + ENDLESS + "') "
                            + "order by query_id")) {
                while (rs.next()) {
                    history.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
            assertEquals(2, history.size(), history.toString());
        }
        // A new coordinator over the same catalog lists the ended queries of the last one.
        try (StoredCatalog catalog = cluster.tpchCatalogAt(file); EmbeddedCluster coordinator = start(cluster, catalog);
             Connection connection = cluster.driver.connect(coordinator.jdbcUrl(), new Properties());
             Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                     "select query_id, state from system.runtime.queries where query in ('" + SECOND + "', '" + ENDLESS + "') "
                             + "order by query_id")) {
            List<String> after = new ArrayList<>();
            while (rs.next()) {
                after.add(rs.getString(1) + " " + rs.getString(2));
            }
            assertEquals(history, after);
        }
    }
}
