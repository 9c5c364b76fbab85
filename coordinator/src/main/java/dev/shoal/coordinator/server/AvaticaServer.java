package dev.shoal.coordinator.server;

import dev.shoal.coordinator.auth.TlsConfig;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.server.HttpServer;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;

import java.io.File;
import java.util.List;
import java.util.Optional;

/** The JDBC endpoint: Avatica's HTTP server, protobuf serialization, bound to one address; and statements' progress. */
public final class AvaticaServer implements AutoCloseable {
    private final HttpServer server;

    /** {@code tls}: the keystore the port serves https with; plain http without. */
    public AvaticaServer(ShoalMeta meta, String host, int port, Optional<TlsConfig> tls) {
        // Avatica's builder binds 0.0.0.0; a customizer sets the host before the server starts.
        HttpServer.Builder<Server> builder = new HttpServer.Builder<Server>()
                .withHandler(new ClientEndpoints(new LocalService(meta), meta))
                .withPort(port);
        tls.ifPresent(config -> {
            File keystore = config.keystore().toFile();
            if (!keystore.isFile()) {
                throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "TLS keystore " + keystore + " does not exist");
            }
            // No client certificates are asked for: the keystore stands in for the truststore Avatica requires.
            builder.withTLS(keystore, config.keystorePassword(), keystore, config.keystorePassword());
        });
        this.server = builder
                .withServerCustomizers(List.of(jetty -> {
                    for (Connector connector : jetty.getConnectors()) {
                        if (connector instanceof ServerConnector serverConnector) {
                            serverConnector.setHost(host);
                            SslConnectionFactory ssl = serverConnector.getConnectionFactory(SslConnectionFactory.class);
                            if (ssl != null) {
                                serverConnector.addFirstConnectionFactory(new PlainHttpRefusal(ssl));
                            }
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
