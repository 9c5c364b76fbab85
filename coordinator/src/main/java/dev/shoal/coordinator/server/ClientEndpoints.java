package dev.shoal.coordinator.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.calcite.avatica.remote.Service;
import org.apache.calcite.avatica.server.AvaticaProtobufHandler;
import org.eclipse.jetty.server.Request;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Avatica's protobuf endpoint, plus what Avatica's protocol cannot ask, as JSON: {@code GET
 * /v1/statement/<connection id>/<statement id>}, the statement's {@link StatementProgress} (the
 * shell's progress line and summary), and {@code GET /v1/connection/<connection id>}, the schema
 * and catalog in effect (getSchema() after a USE). Only a client that holds the connection's id (a
 * random one it chose) can name it.
 */
final class ClientEndpoints extends AvaticaProtobufHandler {
    static final String PATH = "/v1/statement/";
    static final String CONNECTION_PATH = "/v1/connection/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ShoalMeta meta;

    ClientEndpoints(Service service, ShoalMeta meta) {
        super(service);
        this.meta = meta;
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        Optional<?> answer;
        if (target.startsWith(PATH)) {
            answer = statement(target.substring(PATH.length()));
        } else if (target.startsWith(CONNECTION_PATH)) {
            answer = meta.connectionState(target.substring(CONNECTION_PATH.length()));
        } else {
            super.handle(target, baseRequest, request, response);
            return;
        }
        baseRequest.setHandled(true);
        if (!"GET".equals(request.getMethod()) || answer.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] body = JSON.writeValueAsBytes(answer.get());
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private Optional<StatementProgress> statement(String path) {
        int slash = path.lastIndexOf('/');
        if (slash <= 0) {
            return Optional.empty();
        }
        try {
            return meta.progress(path.substring(0, slash), Integer.parseInt(path.substring(slash + 1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
