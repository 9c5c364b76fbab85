package dev.shoal.coordinator;

import dev.shoal.catalog.StoredCatalog;
import dev.shoal.coordinator.auth.Authenticator;
import dev.shoal.coordinator.cluster.WorkerRegistry;
import dev.shoal.coordinator.ddl.DdlExecutor;
import dev.shoal.coordinator.ddl.PendingWrites;
import dev.shoal.coordinator.lifecycle.QueryTracker;
import dev.shoal.coordinator.lifecycle.SystemTables;
import dev.shoal.coordinator.query.QueryManager;
import dev.shoal.coordinator.server.AvaticaServer;
import dev.shoal.coordinator.server.JdbcSystemTables;
import dev.shoal.coordinator.server.ShoalMeta;
import dev.shoal.core.catalog.Catalog;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.serde.PlanCodec;
import dev.shoal.core.task.ClusterActions;
import dev.shoal.core.task.WorkerAnnouncement;
import dev.shoal.exec.exchange.FlightClients;
import dev.shoal.exec.exchange.FlightEndpoint;
import dev.shoal.exec.memory.MemoryPool;
import dev.shoal.parquet.store.ObjectStore;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The coordinator: JDBC (Avatica) for clients, a cluster endpoint (Flight) where workers announce
 * themselves, and the query manager between them.
 */
public final class Coordinator implements AutoCloseable {
    private final AvaticaServer server;
    private final FlightEndpoint cluster;
    private final FlightClients clients;
    private final QueryManager queries;
    private final WorkerRegistry registry;
    private final PendingWrites pending;
    private final QueryTracker tracker;
    private final String host;

    private Coordinator(AvaticaServer server, FlightEndpoint cluster, FlightClients clients, QueryManager queries,
                        WorkerRegistry registry, PendingWrites pending, QueryTracker tracker, String host) {
        this.tracker = tracker;
        this.pending = pending;
        this.server = server;
        this.cluster = cluster;
        this.clients = clients;
        this.queries = queries;
        this.registry = registry;
        this.host = host;
    }

    public static Coordinator start(CoordinatorConfig config, Catalog catalog, ObjectStore store) {
        WorkerRegistry registry = new WorkerRegistry(config.heartbeatTimeoutMillis());
        FlightEndpoint cluster = FlightEndpoint.start(config.host(), config.clusterPort(), taskId -> null,
                Map.of(ClusterActions.ANNOUNCE, body -> {
                    registry.announce(PlanCodec.read(body, WorkerAnnouncement.class));
                    return new byte[0];
                }));
        FlightClients clients = new FlightClients();
        QueryTracker tracker = new QueryTracker(config.limits(),
                catalog instanceof StoredCatalog stored ? Optional.of(stored.store().queryHistory()) : Optional.empty());
        String jdbcUri = (config.security().tls().isPresent() ? "https://" : "http://") + config.host() + ":" + config.jdbcPort();
        Authenticator authenticator = config.security().authenticator();
        MemoryPool memory = new MemoryPool();
        QueryManager queries = new QueryManager(catalog, store, registry, clients, config,
                JdbcSystemTables.with(catalog, SystemTables.of(tracker, registry, clients, jdbcUri, authenticator, memory::reservedBytes)),
                memory);
        PendingWrites pending = new PendingWrites(catalog, store, config.writeLeaseMillis());
        AvaticaServer server = new AvaticaServer(new ShoalMeta(queries,
                new DdlExecutor(catalog, store, queries, config.warehouse(), pending), catalog, tracker, config.sessionProperties(), authenticator,
                config.limits().fetchWaitMillis()),
                config.host(), config.jdbcPort(), config.security().tls());
        try {
            server.start();
        } catch (RuntimeException e) {
            tracker.close();
            pending.close();
            queries.close();
            clients.close();
            cluster.close();
            throw e;
        }
        return new Coordinator(server, cluster, clients, queries, registry, pending, tracker, config.host());
    }

    /** Waits until {@code count} workers are alive; fails after {@code timeout}. */
    public void awaitWorkers(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (registry.liveWorkers().size() < count) {
            if (System.nanoTime() > deadline) {
                throw new ShoalException(ErrorCode.NO_WORKERS, "only " + registry.liveWorkers().size() + " of " + count
                        + " workers announced themselves within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(20);
        }
    }

    public WorkerRegistry workers() {
        return registry;
    }

    public int port() {
        return server.port();
    }

    public int clusterPort() {
        return cluster.port();
    }

    public String host() {
        return host;
    }

    public String jdbcUrl() {
        return "jdbc:shoal://" + host + ":" + port();
    }

    @Override
    public void close() {
        server.close();
        pending.close();
        queries.close();
        tracker.close();
        clients.close();
        cluster.close();
    }
}
