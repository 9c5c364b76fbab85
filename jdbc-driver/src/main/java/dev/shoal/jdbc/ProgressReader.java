package dev.shoal.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaStatement;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/** Reads a statement's {@link QueryProgress} from the coordinator's {@code /v1/statement/<connection>/<statement>}. */
final class ProgressReader {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProgressReader() {
    }

    static Optional<QueryProgress> read(AvaticaConnection connection, AvaticaStatement statement) throws SQLException {
        String base = connection.config().url();
        URI uri = URI.create(base + "/v1/statement/" + URLEncoder.encode(connection.id, StandardCharsets.UTF_8) + "/"
                + statement.handle.id);
        try {
            HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new SQLException("the coordinator answered " + response.statusCode() + " for the statement's progress", "08006");
            }
            JsonNode body = JSON.readTree(response.body());
            return Optional.of(new QueryProgress(body.path("queryId").asText(), body.path("state").asText(), body.path("elapsedMillis").asLong(),
                    body.path("totalSplits").asLong(), body.path("completedSplits").asLong(), body.path("rowsRead").asLong(),
                    body.path("bytesRead").asLong(), body.path("outputRows").asLong(),
                    body.path("errorCode").isNull() ? null : body.path("errorCode").asText(null)));
        } catch (IOException e) {
            throw new SQLException("cannot read the statement's progress from " + base + ": " + e.getMessage(), "08006");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while reading the statement's progress", "08006");
        }
    }
}
