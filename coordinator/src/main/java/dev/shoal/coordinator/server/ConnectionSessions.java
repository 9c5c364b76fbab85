package dev.shoal.coordinator.server;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.session.SessionProperties;
import dev.shoal.planner.Session;
import org.apache.calcite.avatica.ConnectionPropertiesImpl;
import org.apache.calcite.avatica.Meta;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each JDBC connection carries from statement to statement: its user and source (what the
 * client said it is), its schema (USE, setSchema, the URL's), and its session properties (SET SESSION).
 * Nothing else of what the client sent is kept: its properties may hold a password.
 */
final class ConnectionSessions {
    private record State(ConnectionPropertiesImpl jdbc, String user, String source, SessionProperties properties,
                         boolean columnarFrames, boolean pendingUpdates) {
        State with(ConnectionPropertiesImpl newJdbc, SessionProperties newProperties) {
            return new State(newJdbc, user, source, newProperties, columnarFrames, pendingUpdates);
        }
    }

    /** The connection property by which Shoal's driver asks for {@link ColumnarFrames}, and its one value. */
    static final String FRAMES_PROPERTY = "shoal_frames";
    static final String COLUMNAR_FRAMES = "columnar-1";
    /** The connection property by which Shoal's driver says it waits for a write's {@link AsyncWrites#PENDING} count. */
    static final String PENDING_UPDATES_PROPERTY = "shoal_pending_updates";

    private final String defaultSchema;
    private final SessionProperties defaults;
    private final Map<String, State> connections = new ConcurrentHashMap<>();

    ConnectionSessions(String defaultSchema, SessionProperties defaults) {
        this.defaultSchema = defaultSchema;
        this.defaults = defaults;
    }

    void open(String connectionId, Map<String, String> info) {
        String user = info == null ? null : info.get("user");
        String source = info == null ? null : info.get("source");
        boolean columnar = info != null && COLUMNAR_FRAMES.equals(info.get(FRAMES_PROPERTY));
        boolean pendingUpdates = info != null && "true".equals(info.get(PENDING_UPDATES_PROPERTY));
        connections.put(connectionId, new State(new ConnectionPropertiesImpl(), user, source, defaults, columnar, pendingUpdates));
    }

    void close(String connectionId) {
        connections.remove(connectionId);
    }

    /** Only a connection opened (authenticated) here has a session: a request naming any other id is refused. */
    private State state(String connectionId) {
        State state = connections.get(connectionId);
        if (state == null) {
            throw new ShoalException(ErrorCode.CONNECTION_NOT_OPEN, "connection " + connectionId + " is not open (connect again)");
        }
        return state;
    }

    void requireOpen(String connectionId) {
        state(connectionId);
    }

    /**
     * JDBC's connection properties after the client's changes. (Avatica's client caches the answer
     * and sends it back with its next change, so it must not carry what the server decided, such as
     * a USE: the driver reads the schema in effect from {@link ClientEndpoints}'s connection endpoint.)
     */
    Meta.ConnectionProperties sync(String connectionId, Meta.ConnectionProperties properties) {
        State state = state(connectionId);
        ConnectionPropertiesImpl merged = state.jdbc().merge(properties);
        connections.put(connectionId, state.with(merged, state.properties()));
        return merged;
    }

    /** Whether the connection is open (the endpoint answers only for those). */
    boolean isOpen(String connectionId) {
        return connections.containsKey(connectionId);
    }

    /** The session a statement starting now on the connection runs in. */
    Session session(String connectionId) {
        State state = state(connectionId);
        return Session.of(state.user(), schema(connectionId), state.properties());
    }

    /** Whether the client reads results in {@link ColumnarFrames} (Shoal's driver) rather than Avatica's rows. */
    boolean columnarFrames(String connectionId) {
        return state(connectionId).columnarFrames();
    }

    /** Whether the client waits for a write that outlasts execute's answer (Shoal's driver), rather than holding the call. */
    boolean pendingUpdates(String connectionId) {
        return state(connectionId).pendingUpdates();
    }

    String source(String connectionId) {
        return state(connectionId).source();
    }

    /** The schema of unqualified names: USE's, JDBC's setSchema, else the coordinator's default. */
    String schema(String connectionId) {
        String schema = state(connectionId).jdbc().getSchema();
        return schema == null || schema.isEmpty() ? defaultSchema : schema.toLowerCase(Locale.ROOT);
    }

    void useSchema(String connectionId, String schema) {
        state(connectionId).jdbc().setSchema(schema);
    }

    SessionProperties properties(String connectionId) {
        return state(connectionId).properties();
    }

    void properties(String connectionId, SessionProperties properties) {
        State current = state(connectionId);
        connections.put(connectionId, current.with(current.jdbc(), properties));
    }
}
