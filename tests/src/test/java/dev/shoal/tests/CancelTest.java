package dev.shoal.tests;

import dev.shoal.coordinator.cluster.WorkerRegistry;
import dev.shoal.parquet.store.Location;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Statement.cancel(), setQueryTimeout() and close() stop a query on the coordinator and every
 * worker while another thread waits in execute; a canceled CREATE TABLE AS leaves no table and,
 * once its cleanup ran, no files.
 */
class CancelTest {
    /** Lineitem times 3125: minutes of work, so only a cancel ends it within the test's time. */
    private static final String ENDLESS = "select count(*) from lineitem, nation, nation n2, region";

    private static TestCluster cluster;
    private static Connection shoal;

    @BeforeAll
    static void start() throws Exception {
        cluster = TestCluster.get();
        shoal = cluster.connect();
        try (Statement s = shoal.createStatement()) {
            s.execute("create schema if not exists cancel");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        try (Statement s = shoal.createStatement()) {
            s.execute("drop schema if exists cancel cascade");
        }
        shoal.close();
    }

    private static CompletableFuture<Void> runAsync(Statement statement, String sql) {
        return CompletableFuture.runAsync(() -> {
            try {
                Results.runToEnd(statement, sql);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The SQLException the statement's execute ended with, within {@code seconds}. */
    private static SQLException failureOf(CompletableFuture<Void> execution, int seconds) throws Exception {
        ExecutionException e = assertThrows(ExecutionException.class, () -> execution.get(seconds, TimeUnit.SECONDS));
        return assertInstanceOf(SQLException.class, e.getCause().getCause());
    }

    private static void awaitRunning() throws InterruptedException {
        Thread.sleep(1500);
    }

    @Test
    void cancelStopsTheQueryWithoutWaitingForItAndTheStatementRunsTheNextOne() throws Exception {
        try (Statement statement = shoal.createStatement()) {
            CompletableFuture<Void> execution = runAsync(statement, ENDLESS);
            awaitRunning();
            long start = System.nanoTime();
            statement.cancel();
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2), "cancel() returns at once");
            SQLException e = failureOf(execution, 10);
            assertWorkersIdle(start);
            assertEquals("57014", e.getSQLState(), e.getMessage());
            assertTrue(e.getMessage().contains("Query was canceled"), e.getMessage());
            try (ResultSet rs = statement.executeQuery("select count(*) from nation")) {
                rs.next();
                assertEquals(25, rs.getInt(1), "the statement stays usable");
            }
        }
        assertWorkersIdle();
    }

    @Test
    void aQueryTimeoutCancelsTheQuery() throws Exception {
        try (Statement statement = shoal.createStatement()) {
            statement.setQueryTimeout(2);
            long start = System.nanoTime();
            SQLTimeoutException e = assertThrows(SQLTimeoutException.class, () -> Results.runToEnd(statement, ENDLESS));
            assertEquals("HYT00", e.getSQLState(), e.getMessage());
            assertTrue(e.getMessage().contains("query timeout of 2 s"), e.getMessage());
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            assertTrue(seconds >= 2 && seconds < 10, "stopped after its 2 s: " + seconds + " s");
        }
        assertWorkersIdle();
    }

    @Test
    void aPreparedStatementIsCanceledAndTimedOutTheSameWay() throws Exception {
        try (PreparedStatement prepared = shoal.prepareStatement(ENDLESS + " where l_quantity > ?")) {
            prepared.setInt(1, 0);
            CompletableFuture<Void> execution = CompletableFuture.runAsync(() -> {
                try {
                    Results.readAll(prepared.executeQuery());
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitRunning();
            prepared.cancel();
            assertEquals("57014", failureOf(execution, 10).getSQLState());
            prepared.setQueryTimeout(1);
            SQLException e = assertThrows(SQLTimeoutException.class, () -> Results.readAll(prepared.executeQuery()));
            assertEquals("HYT00", e.getSQLState(), e.getMessage());
            SQLException lob = assertThrows(SQLFeatureNotSupportedException.class, () -> prepared.setBlob(1, InputStream.nullInputStream()));
            assertEquals("0A000", lob.getSQLState());
        }
        assertWorkersIdle();
    }

    @Test
    void closingAStatementMidQueryStopsIt() throws Exception {
        Statement statement = shoal.createStatement();
        CompletableFuture<Void> execution = runAsync(statement, ENDLESS);
        awaitRunning();
        statement.close();
        failureOf(execution, 10);
        assertTrue(statement.isClosed());
        assertWorkersIdle();
    }

    @Test
    void aCanceledCreateTableAsLeavesNoTableAndNoFiles() throws Exception {
        String location = TestCluster.WAREHOUSE + "cancel/big/";
        try (Statement statement = shoal.createStatement()) {
            CompletableFuture<Void> execution = runAsync(statement, "create table cancel.big as select l.*, n_name from lineitem l, nation");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (cluster.stores.list(Location.parse(location)).isEmpty() && !execution.isDone() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            statement.cancel();
            SQLException e = failureOf(execution, 20);
            assertEquals("57014", e.getSQLState(), e.getMessage());
        }
        long failed = System.nanoTime();
        try (Statement s = shoal.createStatement()) {
            assertThrows(SQLException.class, () -> s.executeQuery("select count(*) from cancel.big"));
        }
        // A file stored after the first sweep (its task's cancel still on its way) is the second sweep's, 10 s
        // after the failure: the folder is judged once that sweep is past, not at the first empty listing.
        long secondSweepPast = failed + TimeUnit.SECONDS.toNanos(12);
        long deadline = failed + TimeUnit.SECONDS.toNanos(40);
        while ((System.nanoTime() < secondSweepPast || !cluster.stores.list(Location.parse(location)).isEmpty())
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(List.of(), cluster.stores.list(Location.parse(location)));
    }

    /**
     * A canceled query's tasks are gone from every worker, as their heartbeats report them (they
     * lag by up to one heartbeat): the time from the cancel until then is printed for the record.
     */
    private static void assertWorkersIdle() throws Exception {
        assertWorkersIdle(System.nanoTime());
    }

    private static void assertWorkersIdle(long start) throws Exception {
        WorkerRegistry registry = cluster.coordinator.coordinator().workers();
        long deadline = start + TimeUnit.SECONDS.toNanos(15);
        while (registry.liveWorkers().stream().anyMatch(w -> registry.runningTasks(w.id()) > 0)) {
            assertTrue(System.nanoTime() < deadline, "workers still run tasks: " + registry.liveWorkers().stream()
                    .map(w -> w.id() + "=" + registry.runningTasks(w.id())).toList());
            Thread.sleep(20);
        }
        System.out.println("CancelTest: every worker at 0 tasks " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)
                + " ms after the cancel (or the statement's end)");
    }
}
