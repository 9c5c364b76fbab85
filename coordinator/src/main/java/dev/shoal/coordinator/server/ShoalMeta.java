package dev.shoal.coordinator.server;

import dev.shoal.coordinator.auth.Authenticator;
import dev.shoal.coordinator.ddl.DdlExecutor;
import dev.shoal.coordinator.lifecycle.QueryTracker;
import dev.shoal.coordinator.lifecycle.TrackedQuery;
import dev.shoal.coordinator.query.QueryManager;
import dev.shoal.core.ShoalVersion;
import dev.shoal.core.catalog.Catalog;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.session.SessionProperties;
import dev.shoal.planner.functions.BuiltinFunctions;
import dev.shoal.planner.functions.FunctionInfo;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.avatica.MissingResultsException;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.remote.TypedValue;
import org.apache.calcite.sql.SqlNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Avatica's view of Shoal: statements are prepared by the planner, executed by the query manager,
 * and their rows streamed to the client frame by frame as it fetches.
 */
public final class ShoalMeta extends MetaImpl {
    private final CatalogMetadata metadata;
    private final ConnectionSessions sessions;
    private final StatementRunner runner;
    private final Map<String, StatementState> statements = new ConcurrentHashMap<>();
    private final AtomicInteger statementIds = new AtomicInteger();

    private final Authenticator authenticator;
    private final ResultFrames frames;
    private final AsyncWrites writes;

    /**
     * {@code defaults}: the session properties every connection starts with; {@code authenticator}:
     * who may connect; {@code fetchWaitMillis}: how long one call waits for a query's rows.
     */
    public ShoalMeta(QueryManager queries, DdlExecutor commands, Catalog catalog, QueryTracker tracker, SessionProperties defaults,
                     Authenticator authenticator, long fetchWaitMillis) {
        super(null);
        this.authenticator = authenticator;
        this.frames = new ResultFrames(fetchWaitMillis);
        this.writes = new AsyncWrites(fetchWaitMillis);
        this.metadata = new CatalogMetadata(catalog, queries.planner().systemTables());
        this.sessions = new ConnectionSessions(queries.planner().defaultSchema(), defaults);
        this.runner = new StatementRunner(queries, commands, sessions, new SessionStatements(sessions, catalog), tracker, authenticator);
    }

    /** What a statement's current execution is doing, for {@link ClientEndpoints}; empty for a statement never executed. */
    Optional<StatementProgress> progress(String connectionId, int statementId) {
        StatementState state = statements.get(key(connectionId, statementId));
        TrackedQuery tracked = state == null ? null : state.tracked;
        return tracked == null ? Optional.empty() : Optional.of(runner.progress(tracked));
    }

    /** A connection's schema and catalog in effect, for {@link ClientEndpoints}; empty for a connection not open. */
    Optional<Map<String, String>> connectionState(String connectionId) {
        if (!sessions.isOpen(connectionId)) {
            return Optional.empty();
        }
        return Optional.of(Map.of("schema", sessions.schema(connectionId), "catalog", CatalogMetadata.CATALOG));
    }

    private static String key(String connectionId, int statementId) {
        return connectionId + "/" + statementId;
    }

    /** What DatabaseMetaData reports of the engine: its name and version (Avatica's own otherwise). */
    @Override
    public Map<DatabaseProperty, Object> getDatabaseProperties(ConnectionHandle ch) {
        Map<DatabaseProperty, Object> properties = new java.util.EnumMap<>(DatabaseProperty.class);
        properties.putAll(super.getDatabaseProperties(ch));
        properties.put(DatabaseProperty.GET_DATABASE_PRODUCT_NAME, "Shoal");
        properties.put(DatabaseProperty.GET_DATABASE_PRODUCT_VERSION, ShoalVersion.VERSION);
        properties.put(DatabaseProperty.GET_DATABASE_MAJOR_VERSION, 0);
        properties.put(DatabaseProperty.GET_DATABASE_MINOR_VERSION, 1);
        properties.put(DatabaseProperty.GET_STRING_FUNCTIONS, BuiltinFunctions.names(FunctionInfo.Category.STRING));
        properties.put(DatabaseProperty.GET_NUMERIC_FUNCTIONS, BuiltinFunctions.names(FunctionInfo.Category.NUMERIC));
        properties.put(DatabaseProperty.GET_TIME_DATE_FUNCTIONS, BuiltinFunctions.names(FunctionInfo.Category.TIMEDATE));
        properties.put(DatabaseProperty.GET_SYSTEM_FUNCTIONS, BuiltinFunctions.names(FunctionInfo.Category.SYSTEM));
        return properties;
    }

    @Override
    public void openConnection(ConnectionHandle ch, Map<String, String> info) {
        try {
            authenticator.authenticate(info == null ? null : info.get("user"), info == null ? null : info.get("password"));
        } catch (RuntimeException e) {
            throw ErrorTranslator.toClient(e);
        }
        sessions.open(ch.id, info);
    }

    @Override
    public void closeConnection(ConnectionHandle ch) {
        sessions.close(ch.id);
        statements.entrySet().removeIf(entry -> {
            if (entry.getKey().startsWith(ch.id + "/")) {
                entry.getValue().replaceQuery(null);
                return true;
            }
            return false;
        });
    }

    @Override
    public ConnectionProperties connectionSync(ConnectionHandle ch, ConnectionProperties properties) {
        try {
            return sessions.sync(ch.id, properties);
        } catch (RuntimeException e) {
            throw ErrorTranslator.toClient(e);
        }
    }

    @Override
    public StatementHandle createStatement(ConnectionHandle ch) {
        try {
            sessions.requireOpen(ch.id);
        } catch (RuntimeException e) {
            throw ErrorTranslator.toClient(e);
        }
        StatementHandle handle = new StatementHandle(ch.id, statementIds.incrementAndGet(), null);
        statements.put(key(ch.id, handle.id), new StatementState());
        return handle;
    }

    @Override
    public StatementHandle prepare(ConnectionHandle ch, String sql, long maxRowCount) {
        StatementHandle handle = createStatement(ch);
        StatementState state = statements.get(key(ch.id, handle.id));
        state.sql = sql;
        state.maxRows = maxRowCount;
        try {
            long start = System.nanoTime();
            SqlNode parsed = DeepStacks.call(() -> runner.parse(sql, List.of()));
            int parameters = ParameterBinder.count(parsed);
            if (parameters == 0) {
                PlanOrExplain planned = DeepStacks.call(() -> runner.plan(parsed, sessions.session(ch.id), start));
                handle.signature = StatementRunner.signature(sql, planned);
                state.prepared = planned;
            } else {
                // Planned at execute, with the values: the columns come with the result.
                handle.signature = Signature.create(List.of(), sql, ParameterBinder.describe(parameters), CursorFactory.ARRAY,
                        StatementType.SELECT);
            }
        } catch (StackOverflowError | OutOfMemoryError | AssertionError e) {
            state.prepareError = ErrorTranslator.toClient(e);
            handle.signature = Signature.create(List.of(), sql, List.of(), CursorFactory.ARRAY, StatementType.SELECT);
        } catch (RuntimeException e) {
            state.prepareError = e;
            handle.signature = Signature.create(List.of(), sql, List.of(), CursorFactory.ARRAY, StatementType.SELECT);
        }
        return handle;
    }

    @SuppressWarnings("deprecation")
    @Override
    public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount, PrepareCallback callback)
            throws NoSuchStatementException {
        return prepareAndExecute(h, sql, maxRowCount, -1, callback);
    }

    @Override
    public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount, int maxRowsInFirstFrame,
                                           PrepareCallback callback) throws NoSuchStatementException {
        StatementState state = state(h);
        state.sql = sql;
        state.prepared = null;
        state.prepareError = null;
        state.parameters = List.of();
        state.maxRows = maxRowCount;
        return run(h, state, maxRowsInFirstFrame);
    }

    @SuppressWarnings("deprecation")
    @Override
    public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues, long maxRowCount)
            throws NoSuchStatementException {
        return execute(h, parameterValues, -1);
    }

    @Override
    public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues, int maxRowsInFirstFrame)
            throws NoSuchStatementException {
        StatementState state = state(h);
        if (state.sql == null) {
            throw ErrorTranslator.toClient(new ShoalException(ErrorCode.INVALID_ARGUMENT, "statement was not prepared"));
        }
        if (state.prepareError != null) {
            throw ErrorTranslator.toClient(state.prepareError);
        }
        // An unset parameter arrives as a null element, which List.copyOf refuses: the binder names it.
        state.parameters = parameterValues == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(parameterValues));
        return run(h, state, maxRowsInFirstFrame);
    }

    private ExecuteResult run(StatementHandle h, StatementState state, int maxRowsInFirstFrame) {
        state.parsed = null;
        // Parsing recurses as deep as the statement nests: on a deep-stack thread, as planning.
        if (sessions.pendingUpdates(h.connectionId) && ErrorTranslator.answering(() -> DeepStacks.call(() -> runner.isWrite(state)))) {
            return ErrorTranslator.answering(() -> {
                state.replaceQuery(null);
                CompletableFuture<Long> write = writes.start(() -> runner.run(h.connectionId, state).updateCount());
                state.write = write;
                return new ExecuteResult(List.of(MetaResultSet.count(h.connectionId, h.id, writes.await(write))));
            });
        }
        return ErrorTranslator.answering(() -> {
            state.replaceQuery(null);
            StatementRunner.Outcome outcome = DeepStacks.call(() -> runner.run(h.connectionId, state));
            h.signature = outcome.signature();
            if (outcome.isUpdate()) {
                return new ExecuteResult(List.of(MetaResultSet.count(h.connectionId, h.id, outcome.updateCount())));
            }
            Frame first;
            if (outcome.query() == null) {
                state.explainRows = new ArrayList<>(outcome.rows());
                first = Frame.create(0, true, state.explainRows);
            } else {
                state.replaceQuery(outcome.query());
                first = frame(h.connectionId, state, 0, maxRowsInFirstFrame);
            }
            return new ExecuteResult(List.of(MetaResultSet.create(h.connectionId, h.id, false, outcome.signature(), first)));
        });
    }

    @Override
    public Frame fetch(StatementHandle h, long offset, int fetchMaxRowCount)
            throws NoSuchStatementException, MissingResultsException {
        StatementState state = state(h);
        if (state.explainRows != null) {
            return Frame.create(offset, true, Collections.emptyList());
        }
        if (state.results == null) {
            throw new MissingResultsException(h);
        }
        return ErrorTranslator.answering(() -> frame(h.connectionId, state, offset, fetchMaxRowCount));
    }

    private Frame frame(String connectionId, StatementState state, long offset, int maxRows) {
        boolean columnar = sessions.columnarFrames(connectionId);
        return ResultFrames.avaticaFrame(offset, frames.take(state, maxRows, columnar), columnar);
    }

    /**
     * The update count of the statement's write, for {@link ClientEndpoints}' update endpoint:
     * {@link AsyncWrites#PENDING} while it runs on past the wait; empty for a statement running no
     * write. A failed write is thrown as the client should see it.
     */
    Optional<Long> updateCount(String connectionId, int statementId) {
        StatementState state = statements.get(key(connectionId, statementId));
        CompletableFuture<Long> write = state == null ? null : state.write;
        if (write == null) {
            return Optional.empty();
        }
        return Optional.of(ErrorTranslator.answering(() -> writes.await(write)));
    }

    /** A columnar frame for {@link ClientEndpoints}' frames endpoint, and whether it ends the result. */
    record ColumnarFrame(byte[] body, boolean done) {
    }

    /**
     * The next frame of a statement's result as Shoal's driver fetches it, outside Avatica's
     * protocol (which would carry it as protobuf bytes and base64 text both); empty for a statement
     * that has no result to read, or whose result is of another execution than the one the
     * client reads (a request still on its way when the statement ran its next query). A failure of the query is thrown as the client should see it.
     */
    Optional<ColumnarFrame> columnarFrame(String connectionId, int statementId, long execution, int maxRows) {
        StatementState state = statements.get(key(connectionId, statementId));
        if (state == null || state.results == null || state.execution != execution) {
            return Optional.empty();
        }
        return ErrorTranslator.answering(() -> {
            ResultFrames.Taken taken = frames.take(state, maxRows, true);
            return Optional.of(new ColumnarFrame(ResultFrames.columnar(taken), taken.done()));
        });
    }

    // DatabaseMetaData: what BI tools' navigators list. Each listing is one frame on a statement of its own.

    @Override
    public MetaResultSet getCatalogs(ConnectionHandle ch) {
        return listing(ch, metadata.catalogs());
    }

    @Override
    public MetaResultSet getSchemas(ConnectionHandle ch, String catalog, Pat schemaPattern) {
        return listing(ch, metadata.schemas(catalog, CatalogMetadata.pattern(schemaPattern)));
    }

    @Override
    public MetaResultSet getTables(ConnectionHandle ch, String catalog, Pat schemaPattern, Pat tableNamePattern, List<String> typeList) {
        return listing(ch, metadata.tables(catalog, CatalogMetadata.pattern(schemaPattern), CatalogMetadata.pattern(tableNamePattern),
                typeList));
    }

    @Override
    public MetaResultSet getColumns(ConnectionHandle ch, String catalog, Pat schemaPattern, Pat tableNamePattern,
                                    Pat columnNamePattern) {
        return listing(ch, metadata.columns(catalog, CatalogMetadata.pattern(schemaPattern), CatalogMetadata.pattern(tableNamePattern),
                CatalogMetadata.pattern(columnNamePattern)));
    }

    @Override
    public MetaResultSet getTableTypes(ConnectionHandle ch) {
        return listing(ch, metadata.tableTypes());
    }

    @Override
    public MetaResultSet getTypeInfo(ConnectionHandle ch) {
        return listing(ch, metadata.typeInfo());
    }

    private MetaResultSet listing(ConnectionHandle ch, CatalogMetadata.Listing listing) {
        return ErrorTranslator.answering(() -> {
            StatementHandle handle = createStatement(ch);
            Signature signature = Signature.create(listing.columns(), "", List.of(), CursorFactory.ARRAY, StatementType.SELECT);
            return MetaResultSet.create(ch.id, handle.id, true, signature, Frame.create(0, true, listing.rows()));
        });
    }

    /**
     * Closes a statement, stopping its query; a negative id is the driver's cancel of statement
     * {@code -id}: its running query or write stops with QUERY_CANCELED and the statement stays open
     * (Avatica's protocol has no cancel request).
     */
    @Override
    public void closeStatement(StatementHandle h) {
        if (h.id < 0) {
            StatementState canceled = statements.get(key(h.connectionId, -h.id));
            if (canceled != null) {
                canceled.cancel();
            }
            return;
        }
        StatementState state = statements.remove(key(h.connectionId, h.id));
        if (state != null) {
            state.replaceQuery(null);
        }
    }

    @Override
    public ExecuteBatchResult prepareAndExecuteBatch(StatementHandle h, List<String> sqlCommands) {
        throw ErrorTranslator.toClient(new ShoalException(ErrorCode.NOT_SUPPORTED, "batched statements are not supported"));
    }

    @Override
    public ExecuteBatchResult executeBatch(StatementHandle h, List<List<TypedValue>> parameterValues) {
        throw ErrorTranslator.toClient(new ShoalException(ErrorCode.NOT_SUPPORTED, "batched statements are not supported"));
    }

    @Override
    public boolean syncResults(StatementHandle sh, QueryState state, long offset) {
        return false;
    }

    @Override
    public void commit(ConnectionHandle ch) {
        // Queries are read-only and auto-committed.
    }

    @Override
    public void rollback(ConnectionHandle ch) {
        // Nothing to roll back.
    }

    private StatementState state(StatementHandle h) throws NoSuchStatementException {
        StatementState state = statements.get(key(h.connectionId, h.id));
        if (state == null) {
            throw new NoSuchStatementException(h);
        }
        return state;
    }
}
