package dev.shoal.coordinator.server;

import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.server.HttpServer;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.util.List;

/** The JDBC endpoint: Avatica's HTTP server, protobuf serialization, bound to one address; and statements' progress. */
public final class AvaticaServer implements AutoCloseable {
    private final HttpServer server;

    public AvaticaServer(ShoalMeta meta, String host, int port) {
        // Avatica's builder binds 0.0.0.0; a customizer sets the host before the server starts.
        this.server = new HttpServer.Builder<Server>()
                .withHandler(new ProgressHandler(new LocalService(meta), meta))
                .withPort(port)
                .withServerCustomizers(List.of(jetty -> {
                    for (Connector connector : jetty.getConnectors()) {
                        if (connector instanceof ServerConnector serverConnector) {
                            serverConnector.setHost(host);
                        }
                    }
                }), Server.class)
                .build();
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.stop();
    }
}
