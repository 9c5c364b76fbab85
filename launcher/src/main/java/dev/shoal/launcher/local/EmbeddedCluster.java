package dev.shoal.launcher.local;

import dev.shoal.coordinator.Coordinator;
import dev.shoal.coordinator.CoordinatorConfig;
import dev.shoal.core.catalog.Catalog;
import dev.shoal.parquet.store.ObjectStore;
import dev.shoal.worker.WorkerConfig;
import dev.shoal.worker.WorkerServer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A coordinator and N workers in one JVM, talking over loopback exactly as separate processes
 * do: the workers announce themselves to the coordinator's cluster endpoint and exchange data
 * over Flight.
 */
public final class EmbeddedCluster implements AutoCloseable {
    private final Coordinator coordinator;
    private final List<WorkerServer> workers;

    private EmbeddedCluster(Coordinator coordinator, List<WorkerServer> workers) {
        this.coordinator = coordinator;
        this.workers = workers;
    }

    public static EmbeddedCluster start(CoordinatorConfig config, Catalog catalog, ObjectStore store, int workerCount)
            throws InterruptedException {
        return start(config, catalog, store, workerCount, 0);
    }

    /** {@code taskConcurrency}: each worker's --task-concurrency, 0 for its default (a driver per core). */
    public static EmbeddedCluster start(CoordinatorConfig config, Catalog catalog, ObjectStore store, int workerCount,
                                        int taskConcurrency) throws InterruptedException {
        Coordinator coordinator = Coordinator.start(config, catalog, store);
        List<WorkerServer> workers = new ArrayList<>();
        try {
            for (int i = 0; i < workerCount; i++) {
                WorkerConfig worker = new WorkerConfig("worker-" + i, config.host(), 0, config.host(),
                        coordinator.clusterPort(), WorkerConfig.DEFAULT_HEARTBEAT_MILLIS, WorkerConfig.DEFAULT_OUTPUT_BUFFER_BYTES);
                if (taskConcurrency > 0) {
                    worker = worker.withConcurrency(taskConcurrency, worker.driverThreads());
                }
                workers.add(WorkerServer.start(worker, store));
            }
            coordinator.awaitWorkers(workerCount, Duration.ofSeconds(30));
        } catch (RuntimeException | InterruptedException e) {
            workers.forEach(WorkerServer::close);
            coordinator.close();
            throw e;
        }
        return new EmbeddedCluster(coordinator, workers);
    }

    public Coordinator coordinator() {
        return coordinator;
    }

    public String jdbcUrl() {
        return coordinator.jdbcUrl();
    }

    @Override
    public void close() {
        coordinator.close();
        workers.forEach(WorkerServer::close);
    }
}
