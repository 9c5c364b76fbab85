package dev.shoal.tests;

import dev.shoal.coordinator.Coordinator;
import dev.shoal.coordinator.CoordinatorConfig;
import dev.shoal.parquet.store.Location;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A CREATE TABLE AS whose worker process is killed (SIGKILL) mid-write: the statement fails naming
 * the worker, no table appears, and once the write's cleanup has run no file of it is left.
 */
class WriteFailureTest {
    private static final String LOCATION = TestCluster.WAREHOUSE + "wf/big/";

    private static TestCluster cluster;
    private static Coordinator coordinator;
    private static WorkerProcesses workers;
    private static Connection shoal;

    @BeforeAll
    static void start() throws Exception {
        cluster = TestCluster.get();
        coordinator = Coordinator.start(new CoordinatorConfig("127.0.0.1", 0, 0, "tpch", TestCluster.BROADCAST_THRESHOLD_BYTES, 3000,
                Optional.of(TestCluster.WAREHOUSE)), cluster.catalog, cluster.stores);
        workers = new WorkerProcesses();
        workers.start("wf1", coordinator.clusterPort(), cluster.s3.config());
        workers.start("wf2", coordinator.clusterPort(), cluster.s3.config());
        coordinator.awaitWorkers(2, Duration.ofSeconds(60));
        shoal = cluster.driver.connect(coordinator.jdbcUrl(), new Properties());
        try (Statement s = shoal.createStatement()) {
            s.execute("create schema if not exists wf");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (shoal != null) {
            try (Statement s = shoal.createStatement()) {
                s.execute("drop schema if exists wf cascade");
            }
            shoal.close();
        }
        if (workers != null) {
            workers.close();
        }
        if (coordinator != null) {
            coordinator.close();
        }
    }

    @Test
    void aWorkerKilledMidWriteLeavesNoTableAndNoFiles() throws Exception {
        // Lineitem times the 25 nations: 15 million wide rows, a write of many files that outlasts the kill.
        CompletableFuture<Void> write = CompletableFuture.runAsync(() -> {
            try (Statement s = shoal.createStatement()) {
                s.execute("create table wf.big as select l.*, n_name from lineitem l, nation");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        // Killed once a first file is stored, so that the cleanup has files to remove, not only a query to stop.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (cluster.stores.list(Location.parse(LOCATION)).isEmpty() && !write.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(write.isDone(), "the write ended before the kill");
        assertFalse(cluster.stores.list(Location.parse(LOCATION)).isEmpty(), "no file was stored within 60 s");
        workers.kill("wf2");
        Exception failure = assertThrows(Exception.class, () -> write.get(60, TimeUnit.SECONDS));
        SQLException error = assertInstanceOf(SQLException.class, failure.getCause().getCause());
        assertTrue(error.getMessage().contains("wf2"), error.getMessage());

        assertFalse(cluster.catalog.table("wf", "big").isPresent(), "no table");
        long cleanDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!cluster.stores.list(Location.parse(LOCATION)).isEmpty() && System.nanoTime() < cleanDeadline) {
            Thread.sleep(200);
        }
        assertTrue(cluster.stores.list(Location.parse(LOCATION)).isEmpty(),
                "files left after the cleanup: " + cluster.stores.list(Location.parse(LOCATION)));
    }
}
