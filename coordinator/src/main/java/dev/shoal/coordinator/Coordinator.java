package dev.shoal.coordinator;

import dev.shoal.coordinator.query.QueryManager;
import dev.shoal.coordinator.server.AvaticaServer;
import dev.shoal.coordinator.server.ShoalMeta;
import dev.shoal.parquet.catalog.Catalog;
import dev.shoal.parquet.store.ObjectStore;
import dev.shoal.worker.Worker;

import java.util.ArrayList;
import java.util.List;

/** The coordinator: catalog, query manager and workers behind the JDBC endpoint. */
public final class Coordinator implements AutoCloseable {
    private final AvaticaServer server;
    private final String host;

    private Coordinator(AvaticaServer server, String host) {
        this.server = server;
        this.host = host;
    }

    /** Starts serving JDBC on {@code host:port} (port 0: any free port). */
    public static Coordinator start(Catalog catalog, ObjectStore store, int workerCount, String defaultSchema,
                                    String host, int port) {
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < Math.max(1, workerCount); i++) {
            workers.add(new Worker("worker-" + i, store));
        }
        QueryManager queries = new QueryManager(catalog, store, workers, defaultSchema);
        AvaticaServer server = new AvaticaServer(new ShoalMeta(queries), host, port);
        server.start();
        return new Coordinator(server, host);
    }

    public int port() {
        return server.port();
    }

    public String jdbcUrl() {
        return "jdbc:shoal://" + host + ":" + port();
    }

    @Override
    public void close() {
        server.close();
    }
}
