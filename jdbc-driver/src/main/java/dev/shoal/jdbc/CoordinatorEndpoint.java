package dev.shoal.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaStatement;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What Avatica's protocol cannot ask the coordinator, read from its own endpoints: a statement's
 * {@link QueryProgress} ({@code /v1/statement/<connection>/<statement>}), a connection's schema in
 * effect ({@code /v1/connection/<connection>}), and a result's next columnar frame ({@code /v1/frames/...}).
 */
final class CoordinatorEndpoint {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Clients for https coordinators, by truststore: the connection's own trust, as Avatica's calls use it. */
    private static final Map<String, HttpClient> TLS = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    private CoordinatorEndpoint() {
    }

    static Optional<QueryProgress> progress(AvaticaStatement statement) throws SQLException {
        AvaticaConnection connection = statement.connection;
        return get(connection, "/v1/statement/" + URLEncoder.encode(connection.id, StandardCharsets.UTF_8) + "/" + statement.handle.id,
                "the statement's progress").map(body -> new QueryProgress(body.path("queryId").asText(), body.path("state").asText(), body.path("elapsedMillis").asLong(),
                    body.path("totalSplits").asLong(), body.path("completedSplits").asLong(), body.path("rowsRead").asLong(),
                    body.path("bytesRead").asLong(), body.path("outputRows").asLong(),
                body.path("errorCode").isNull() ? null : body.path("errorCode").asText(null)));
    }

    /** The schema unqualified names are in on the connection now (after any USE). */
    static Optional<String> schema(AvaticaConnection connection) throws SQLException {
        return get(connection, "/v1/connection/" + URLEncoder.encode(connection.id, StandardCharsets.UTF_8), "the connection's schema")
                .map(body -> body.path("schema").asText(null));
    }

    /** One frame of a result as the frames endpoint sent it: a columnar frame's bytes, and whether it is the last. */
    record FetchedFrame(byte[] body, boolean done) {
    }

    /**
     * Asks for the next frame of execution {@code result} of the statement, of at most about {@code maxRows} rows (the server waits
     * a bounded time for them, so the call returns promptly even while the query works on); the
     * answer arrives later, so that the caller can read one frame while the next is on its way.
     */
    static CompletableFuture<FetchedFrame> nextFrame(AvaticaStatement statement, long result, int maxRows) throws SQLException {
        AvaticaConnection connection = statement.connection;
        String base = connection.config().url();
        URI uri = URI.create(base + "/v1/frames/" + URLEncoder.encode(connection.id, StandardCharsets.UTF_8) + "/" + statement.handle.id
                + "/" + result + "?max=" + maxRows);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        long timeout = connection.config().getHttpResponseTimeout();
        if (timeout > 0) {
            request.timeout(Duration.ofMillis(timeout));
        }
        return client(connection).sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                        throw new CompletionException(new SQLException("cannot read the next rows from " + base + ": " + cause.getMessage(),
                                "08006", cause));
                    }
                    return frame(response);
                });
    }

    /**
     * The statement's write's update count, or {@link PendingUpdates#PENDING} while it still runs (the
     * coordinator waits a bounded time before answering so).
     */
    static long updateCount(AvaticaStatement statement) throws SQLException {
        AvaticaConnection connection = statement.connection;
        String base = connection.config().url();
        URI uri = URI.create(base + "/v1/update/" + URLEncoder.encode(connection.id, StandardCharsets.UTF_8) + "/" + statement.handle.id);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        long timeout = connection.config().getHttpResponseTimeout();
        if (timeout > 0) {
            request.timeout(Duration.ofMillis(timeout));
        }
        HttpResponse<byte[]> response;
        try {
            response = client(connection).send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new SQLException("cannot read the write's outcome from " + base + ": " + e.getMessage(), "08006", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for the write on " + base, "HY008", e);
        }
        if (response.statusCode() == 200) {
            try {
                return JSON.readTree(response.body()).path("updateCount").asLong();
            } catch (IOException e) {
                throw new SQLException("the coordinator's answer for the write is not JSON", "08006", e);
            }
        }
        throw failure(response, "the write is no longer on the coordinator (its statement was closed or ran another one)", "the write");
    }

    /** The SQLException of a failed answer: the statement's error (a 500's JSON body), or what went wrong with the call. */
    private static SQLException failure(HttpResponse<byte[]> response, String gone, String what) {
        if (response.statusCode() == 404) {
            return new SQLException(gone, "24000");
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            return ClientErrors.of(body.path("message").asText(), body.path("sqlState").asText(null), body.path("errorCode").asInt());
        } catch (IOException e) {
            return new SQLException("the coordinator answered " + response.statusCode() + " for " + what, "08006");
        }
    }

    private static FetchedFrame frame(HttpResponse<byte[]> response) {
        if (response.statusCode() == 200) {
            return new FetchedFrame(response.body(), response.headers().firstValue("X-Shoal-Done").map(Boolean::parseBoolean).orElse(true));
        }
        throw new CompletionException(failure(response,
                "the result is no longer on the coordinator (its statement was closed or ran another query)", "the next rows"));
    }

    private static HttpClient client(AvaticaConnection connection) throws SQLException {
        if (!connection.config().url().startsWith("https:")) {
            return HTTP;
        }
        File truststore = connection.config().truststore();
        if (truststore == null) {
            return TLS.computeIfAbsent("", key -> HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
        }
        String password = connection.config().truststorePassword();
        try {
            KeyStore trusted = KeyStore.getInstance(truststore, password == null ? null : password.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return TLS.computeIfAbsent(truststore.getAbsolutePath(), key -> HttpClient.newBuilder().sslContext(context)
                    .connectTimeout(Duration.ofSeconds(5)).build());
        } catch (IOException | GeneralSecurityException e) {
            throw new SQLException("cannot read the truststore " + truststore + ": " + e.getMessage(), "08006");
        }
    }

    private static Optional<JsonNode> get(AvaticaConnection connection, String path, String what) throws SQLException {
        String base = connection.config().url();
        try {
            HttpResponse<byte[]> response = client(connection).send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5)).GET()
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new SQLException("the coordinator answered " + response.statusCode() + " for " + what, "08006");
            }
            return Optional.of(JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new SQLException("cannot read " + what + " from " + base + ": " + e.getMessage(), "08006");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while reading " + what, "08006");
        }
    }
}
