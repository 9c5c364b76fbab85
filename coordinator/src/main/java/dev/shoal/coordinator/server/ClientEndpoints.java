package dev.shoal.coordinator.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.avatica.remote.Service;
import org.apache.calcite.avatica.server.AvaticaProtobufHandler;
import org.eclipse.jetty.server.Request;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Avatica's protobuf endpoint, plus what Avatica's protocol cannot ask, as JSON: {@code GET
 * /v1/statement/<connection id>/<statement id>}, the statement's {@link StatementProgress} (the
 * shell's progress line and summary), and {@code GET /v1/connection/<connection id>}, the schema
 * and catalog in effect (getSchema() after a USE), and {@code GET /v1/frames/<connection id>/<statement
 * id>/<execution>}, the next frame of a result in Shoal's columnar form, as bytes, and {@code GET
 * /v1/update/<connection id>/<statement id>}, a write's update count once it ends ({@link AsyncWrites}). Only a client that holds the connection's id (a
 * random one it chose) can name it.
 */
final class ClientEndpoints extends AvaticaProtobufHandler {
    static final String PATH = "/v1/statement/";
    static final String CONNECTION_PATH = "/v1/connection/";
    static final String FRAMES_PATH = "/v1/frames/";
    static final String UPDATE_PATH = "/v1/update/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_UTF8 = "application/json;charset=utf-8";

    private final ShoalMeta meta;

    ClientEndpoints(Service service, ShoalMeta meta) {
        super(service);
        this.meta = meta;
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        Optional<?> answer;
        if (target.startsWith(FRAMES_PATH)) {
            baseRequest.setHandled(true);
            frame(target.substring(FRAMES_PATH.length()), request, response);
            return;
        }
        if (target.startsWith(UPDATE_PATH)) {
            baseRequest.setHandled(true);
            update(target.substring(UPDATE_PATH.length()), request, response);
            return;
        }
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
        write(response, HttpServletResponse.SC_OK, JSON_UTF8, JSON.writeValueAsBytes(answer.get()));
    }

    private static void write(HttpServletResponse response, int status, String contentType, byte[] body) throws IOException {
        response.setStatus(status);
        response.setContentType(contentType);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /**
     * {@code GET /v1/frames/<connection>/<statement>/<execution>?max=N}: the next columnar frame of the
     * statement's result as the body ({@link ColumnarFrames}), with {@code X-Shoal-Done} saying
     * whether it is the last; a failed query is a 500 whose JSON body holds the error's message,
     * SQLSTATE and vendor code.
     */
    private void frame(String path, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = getOf(path, 3, request, response);
        if (parts == null) {
            return;
        }
        int statementId;
        long execution;
        int maxRows;
        try {
            statementId = Integer.parseInt(parts[1]);
            execution = Long.parseLong(parts[2]);
            String max = request.getParameter("max");
            maxRows = max == null ? 0 : Integer.parseInt(max);
        } catch (NumberFormatException e) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Optional<ShoalMeta.ColumnarFrame> frame = answer(() -> meta.columnarFrame(parts[0], statementId, execution, maxRows), response);
        if (frame.isPresent()) {
            response.setHeader("X-Shoal-Done", Boolean.toString(frame.get().done()));
            write(response, HttpServletResponse.SC_OK, "application/octet-stream", frame.get().body());
        }
    }

    /**
     * {@code GET /v1/update/<connection>/<statement>}: {@code {"updateCount": n}} once the statement's
     * write ended within the server's wait, {@link AsyncWrites#PENDING} as n while it runs on; a
     * failed write is a 500 as a failed frame is.
     */
    private void update(String path, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = getOf(path, 2, request, response);
        if (parts == null) {
            return;
        }
        int statementId;
        try {
            statementId = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Optional<Long> count = answer(() -> meta.updateCount(parts[0], statementId), response);
        if (count.isPresent()) {
            write(response, HttpServletResponse.SC_OK, JSON_UTF8, JSON.writeValueAsBytes(Map.of("updateCount", count.get())));
        }
    }

    /** The path's parts when the request is a GET of exactly {@code count} of them; else null, and a 404 sent. */
    private static String[] getOf(String path, int count, HttpServletRequest request, HttpServletResponse response) {
        String[] parts = path.split("/");
        if (parts.length != count || !"GET".equals(request.getMethod())) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return null;
        }
        return parts;
    }

    /**
     * What the statement answers; empty when it has nothing to answer (a 404 sent) or failed (a 500
     * sent, whose JSON body holds the error's message, SQLSTATE and vendor code).
     */
    private static <T> Optional<T> answer(Supplier<Optional<T>> call, HttpServletResponse response) throws IOException {
        Optional<T> answer;
        try {
            answer = call.get();
        } catch (AvaticaRuntimeException e) {
            write(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, JSON_UTF8, JSON.writeValueAsBytes(Map.of(
                    "message", e.getErrorMessage(), "sqlState", e.getSqlState(), "errorCode", e.getErrorCode())));
            return Optional.empty();
        }
        if (answer.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        }
        return answer;
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
