package dev.shoal.tests;

import dev.shoal.parquet.store.Location;
import dev.shoal.parquet.store.S3Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A coordinator process killed (SIGKILL) in the middle of a CREATE TABLE AS, before its commit:
 * no table appears, its worker stops writing, and the suite's coordinator, which shares its
 * catalog, deletes the files of the write once its lease runs out.
 */
class CoordinatorDeathTest {
    private static final String LOCATION = TestCluster.WAREHOUSE + "cdeath/big/";

    private static TestCluster cluster;
    private static CoordinatorProcess coordinator;
    private static WorkerProcesses workers;
    private static Path coordinatorLog;

    @BeforeAll
    static void start() throws Exception {
        cluster = TestCluster.get();
        try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
            s.execute("create schema if not exists cdeath");
        }
        workers = new WorkerProcesses();
        coordinatorLog = Files.createTempFile("shoal-coordinator", ".log");
    }

    /** The killed coordinator's log and its worker's, for a failing assertion to show. */
    private static String logs() {
        try {
            return "\ncoordinator log:\n" + Files.readString(coordinatorLog) + "\nworker log:\n" + workers.log("cd1");
        } catch (java.io.IOException e) {
            return "(logs unreadable: " + e.getMessage() + ")";
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (coordinator != null) {
            coordinator.close();
        }
        if (workers != null) {
            workers.close();
        }
        try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
            s.execute("drop schema if exists cdeath cascade");
        }
    }

    /** {@code shoal coordinator} in a child JVM over the suite's catalog file and S3 server. */
    private static CoordinatorProcess startCoordinator(S3Config s3) throws Exception {
        return CoordinatorProcess.start(s3, coordinatorLog, List.of(), List.of("--default-schema", "tpch",
                "--catalog-url", "jdbc:sqlite:" + cluster.catalogFile(), "--warehouse", TestCluster.WAREHOUSE,
                "--write-lease", String.valueOf(TestCluster.WRITE_LEASE_MILLIS)));
    }

    @Test
    void aCoordinatorKilledBeforeItsCommitLeavesNoTableAndItsFilesAreSwept() throws Exception {
        coordinator = startCoordinator(cluster.s3.config());
        workers.start("cd1", coordinator.clusterPort(), cluster.s3.config());
        Connection client = cluster.driver.connect(coordinator.jdbcUrl(), new Properties());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        // The worker announces itself within its first heartbeat; until then a query has no workers.
        while (true) {
            try (Statement s = client.createStatement()) {
                s.execute("select count(*) from nation n1, nation n2");
                break;
            } catch (SQLException e) {
                assertTrue(System.nanoTime() < deadline, "the worker never joined: " + e.getMessage());
                Thread.sleep(200);
            }
        }
        CompletableFuture<Void> write = CompletableFuture.runAsync(() -> {
            try (Statement s = client.createStatement()) {
                s.execute("create table cdeath.big as select l.*, n_name from lineitem l, nation");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        while (cluster.stores.list(Location.parse(LOCATION)).isEmpty() && !write.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(write.isDone(), () -> "the write outlasts the kill" + logs());
        assertFalse(cluster.stores.list(Location.parse(LOCATION)).isEmpty(), () -> "the write stored files before the kill" + logs());
        coordinator.kill();

        try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
            assertThrows(SQLException.class, () -> s.executeQuery("select count(*) from cdeath.big"), "no table without a commit");
        }
        long sweepDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
        while (!cluster.stores.list(Location.parse(LOCATION)).isEmpty() && System.nanoTime() < sweepDeadline) {
            Thread.sleep(250);
        }
        assertEquals(List.of(), cluster.stores.list(Location.parse(LOCATION)), "the suite's coordinator swept the dead one's files");
        // The record stays while the sweeps go on (for one lease past its expiry), then goes; meanwhile the
        // worker has stopped writing for the dead coordinator, so nothing new appears.
        long recordDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
        while (!cluster.catalog.abandonedWrites(Long.MAX_VALUE).stream().filter(w -> w.table().equals("cdeath.big")).toList().isEmpty()) {
            assertTrue(System.nanoTime() < recordDeadline, () -> "its pending record is never dropped" + logs());
            Thread.sleep(250);
        }
        assertEquals(List.of(), cluster.stores.list(Location.parse(LOCATION)), () -> "no file appeared after the sweep" + logs());
        assertTrue(workers.log("cd1").contains("stopping its tasks"), workers.log("cd1"));
    }
}
