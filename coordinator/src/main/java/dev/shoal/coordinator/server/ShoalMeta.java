package dev.shoal.coordinator.server;

import dev.shoal.coordinator.ddl.CommandResult;
import dev.shoal.coordinator.ddl.DdlExecutor;
import dev.shoal.coordinator.query.Cancellation;
import dev.shoal.coordinator.query.QueryManager;
import dev.shoal.coordinator.query.RunningQuery;
import dev.shoal.core.ShoalVersion;
import dev.shoal.core.catalog.Catalog;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.type.DataType;
import dev.shoal.planner.PlanPrinter;
import dev.shoal.planner.Session;
import dev.shoal.planner.parser.SqlExplainStatement;
import dev.shoal.planner.parser.ddl.SqlUseSchema;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.ConnectionPropertiesImpl;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.avatica.MissingResultsException;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.remote.TypedValue;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Avatica's view of Shoal: statements are prepared by the planner, executed by the query manager,
 * and their rows streamed to the client frame by frame as it fetches.
 */
public final class ShoalMeta extends MetaImpl {
    /** Rows per frame when the client leaves it to the server. */
    private static final int DEFAULT_FRAME_ROWS = 10_000;

    private final QueryManager queries;
    private final DdlExecutor commands;
    private final CatalogMetadata metadata;
    private final Catalog catalog;
    private final Map<String, ConnectionPropertiesImpl> connections = new ConcurrentHashMap<>();
    /** The user each connection gave, by connection id. */
    private final Map<String, String> users = new ConcurrentHashMap<>();
    private final Map<String, StatementState> statements = new ConcurrentHashMap<>();
    private final AtomicInteger statementIds = new AtomicInteger();

    public ShoalMeta(QueryManager queries, DdlExecutor commands, Catalog catalog) {
        super(null);
        this.queries = queries;
        this.commands = commands;
        this.metadata = new CatalogMetadata(catalog);
        this.catalog = catalog;
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
        return properties;
    }

    @Override
    public void openConnection(ConnectionHandle ch, Map<String, String> info) {
        connections.put(ch.id, new ConnectionPropertiesImpl());
        // Only the user is kept of what the client sent: its properties may hold a password.
        String user = info == null ? null : info.get("user");
        if (user != null) {
            users.put(ch.id, user);
        }
    }

    @Override
    public void closeConnection(ConnectionHandle ch) {
        connections.remove(ch.id);
        users.remove(ch.id);
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
        ConnectionPropertiesImpl current = connections.computeIfAbsent(ch.id, id -> new ConnectionPropertiesImpl());
        ConnectionPropertiesImpl merged = current.merge(properties);
        connections.put(ch.id, merged);
        return merged;
    }

    @Override
    public StatementHandle createStatement(ConnectionHandle ch) {
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
            SqlNode parsed = queries.planner().parse(sql);
            int parameters = ParameterBinder.count(parsed);
            if (parameters == 0) {
                PlanOrExplain planned = plan(parsed, sessionOf(ch.id), start);
                handle.signature = signature(sql, planned);
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
        try {
            // A prepared plan serves one execution; later ones re-plan so that catalog changes are seen.
            PlanOrExplain planned = state.prepared != null ? state.prepared
                    : plan(state.sql, sessionOf(h.connectionId), state.parameters);
            state.prepared = null;
            Cancellation cancellation = new Cancellation();
            state.cancellation = cancellation;
            Signature signature = signature(state.sql, planned);
            h.signature = signature;
            if (planned.isCommand()) {
                state.replaceQuery(null);
                boolean analyze = planned.explain() == Explain.ANALYZE;
                CommandResult result = planned.command() instanceof SqlUseSchema use ? use(h.connectionId, use)
                        : commands.execute(planned.command(), state.sql, () -> unwrapExplain(parse(state.sql, state.parameters)),
                        schemaOf(h.connectionId), analyze, cancellation);
                if (analyze) {
                    state.explainRows = new ArrayList<>();
                    result.analysis().forEach(line -> state.explainRows.add(new Object[] {line}));
                    Frame frame = Frame.create(0, true, state.explainRows);
                    return new ExecuteResult(List.of(MetaResultSet.create(h.connectionId, h.id, false, signature, frame)));
                }
                if (result.isUpdate()) {
                    return new ExecuteResult(List.of(MetaResultSet.count(h.connectionId, h.id, result.updateCount())));
                }
                state.explainRows = new ArrayList<>(result.rows());
                Frame frame = Frame.create(0, true, state.explainRows);
                return new ExecuteResult(List.of(MetaResultSet.create(h.connectionId, h.id, false, signature, frame)));
            }
            if (planned.explain() != Explain.NONE) {
                state.replaceQuery(null);
                state.explainRows = new ArrayList<>();
                List<String> lines = switch (planned.explain()) {
                    case ANALYZE -> queries.explainAnalyze(planned.query());
                    case LOGICAL -> PlanPrinter.lines(planned.query().root());
                    default -> PlanPrinter.fragmentLines(queries.explainFragments(planned.query()));
                };
                for (String line : lines) {
                    state.explainRows.add(new Object[] {line});
                }
                Frame frame = Frame.create(0, true, state.explainRows);
                return new ExecuteResult(List.of(MetaResultSet.create(h.connectionId, h.id, false, signature, frame)));
            }
            RunningQuery query = queries.start(planned.query());
            state.replaceQuery(query);
            cancellation.attach(query);
            Frame first = frame(state, query, 0, maxRowsInFirstFrame);
            return new ExecuteResult(List.of(MetaResultSet.create(h.connectionId, h.id, false, signature, first)));
        } catch (RuntimeException e) {
            throw ErrorTranslator.toClient(e);
        } catch (StackOverflowError | OutOfMemoryError | AssertionError e) {
            throw ErrorTranslator.toClient(e);
        }
    }

    @Override
    public Frame fetch(StatementHandle h, long offset, int fetchMaxRowCount)
            throws NoSuchStatementException, MissingResultsException {
        StatementState state = state(h);
        if (state.explainRows != null) {
            return Frame.create(offset, true, Collections.emptyList());
        }
        if (state.query == null) {
            throw new MissingResultsException(h);
        }
        try {
            return frame(state, state.query, offset, fetchMaxRowCount);
        } catch (RuntimeException e) {
            throw ErrorTranslator.toClient(e);
        } catch (StackOverflowError | OutOfMemoryError | AssertionError e) {
            throw ErrorTranslator.toClient(e);
        }
    }

    private static Frame frame(StatementState state, RunningQuery query, long offset, int maxRows) {
        int limit = maxRows <= 0 ? DEFAULT_FRAME_ROWS : maxRows;
        boolean capped = state.maxRows > 0;
        if (capped) {
            limit = (int) Math.max(0, Math.min(limit, state.maxRows - offset));
        }
        List<DataType> types = query.columnTypes();
        List<Object> rows = query.nextRows(limit, view -> {
            Object[] row = new Object[types.size()];
            for (int c = 0; c < row.length; c++) {
                row[c] = ResultColumns.toJdbc(view.value(c), types.get(c));
            }
            return row;
        });
        if (capped && offset + rows.size() >= state.maxRows) {
            // The client wants no more: the rest of the query is not computed.
            query.close();
            return Frame.create(offset, true, rows);
        }
        return Frame.create(offset, query.isDone(), rows);
    }

    /** The connection's user (the JDBC user property) and schema, for a statement starting now. */
    private Session sessionOf(String connectionId) {
        return Session.of(users.get(connectionId), schemaOf(connectionId));
    }

    /** The schema of unqualified names on a connection: USE's, JDBC's setSchema, else the coordinator's default. */
    private String schemaOf(String connectionId) {
        ConnectionPropertiesImpl properties = connections.get(connectionId);
        String schema = properties == null ? null : properties.getSchema();
        return schema == null || schema.isEmpty() ? queries.planner().defaultSchema() : schema.toLowerCase(Locale.ROOT);
    }

    private CommandResult use(String connectionId, SqlUseSchema use) {
        if (!use.schema().isSimple()) {
            throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "USE wants one schema name, got " + use.schema());
        }
        String schema = use.schema().getSimple().toLowerCase(Locale.ROOT);
        if (catalog.schema(schema).isEmpty()) {
            throw new ShoalException(ErrorCode.UNKNOWN_SCHEMA, "schema " + schema + " does not exist");
        }
        connections.computeIfAbsent(connectionId, id -> new ConnectionPropertiesImpl()).setSchema(schema);
        return CommandResult.updated(0);
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
        try {
            StatementHandle handle = createStatement(ch);
            Signature signature = Signature.create(listing.columns(), "", List.of(), CursorFactory.ARRAY, StatementType.SELECT);
            return MetaResultSet.create(ch.id, handle.id, true, signature, Frame.create(0, true, listing.rows()));
        } catch (RuntimeException e) {
            throw ErrorTranslator.toClient(e);
        } catch (StackOverflowError | OutOfMemoryError | AssertionError e) {
            throw ErrorTranslator.toClient(e);
        }
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
                canceled.cancellation.request();
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

    /** What EXPLAIN prints: the distributed plan, the plan before distribution, or what running it did. */

    /** The statement EXPLAIN ANALYZE runs: a write parsed afresh is the explained statement, not the EXPLAIN. */
    private static SqlNode unwrapExplain(SqlNode parsed) {
        return parsed instanceof SqlExplainStatement explain ? explain.statement() : parsed;
    }

    /** The statement parsed afresh, its ? parameters replaced by the values given. */
    private SqlNode parse(String sql, List<TypedValue> parameters) {
        SqlNode parsed = queries.planner().parse(sql);
        if (parameters.isEmpty()) {
            return parsed;
        }
        if (parsed instanceof SqlExplainStatement explain) {
            return new SqlExplainStatement(explain.getParserPosition(), ParameterBinder.bind(explain.statement(), parameters),
                    explain.analyze(), explain.verbose(), explain.options());
        }
        if (DdlExecutor.handles(parsed) && !(parsed instanceof SqlInsert)) {
            throw new ShoalException(ErrorCode.NOT_SUPPORTED, "? parameters are taken in queries and INSERT, not in DDL");
        }
        return ParameterBinder.bind(parsed, parameters);
    }

    private PlanOrExplain plan(String sql, Session session, List<TypedValue> parameters) {
        long start = System.nanoTime();
        return plan(parse(sql, parameters), session, start);
    }

    /** {@code start}: when parsing began, so that EXPLAIN ANALYZE's parse phase counts it. */
    private PlanOrExplain plan(SqlNode parsed, Session session, long start) {
        if (DdlExecutor.handles(parsed) || parsed instanceof SqlUseSchema) {
            return new PlanOrExplain(null, Explain.NONE, parsed);
        }
        if (parsed instanceof SqlExplainStatement explain) {
            Explain mode = Explain.of(explain);
            if (DdlExecutor.handles(explain.statement())) {
                if (mode != Explain.ANALYZE || !DdlExecutor.analyzable(explain.statement())) {
                    throw new ShoalException(ErrorCode.NOT_SUPPORTED, "EXPLAIN of " + explain.statement().getKind()
                            + " is not supported; EXPLAIN ANALYZE runs CREATE TABLE AS and INSERT and reports what they wrote");
                }
                return new PlanOrExplain(null, mode, explain.statement());
            }
            return new PlanOrExplain(queries.planner().plan(explain.statement(), start, session), mode, null);
        }
        return new PlanOrExplain(queries.planner().plan(parsed, start, session), Explain.NONE, null);
    }

    private static Signature signature(String sql, PlanOrExplain planned) {
        if (planned.isCommand() && planned.explain() == Explain.ANALYZE) {
            return Signature.create(ResultColumns.metadata(List.of("plan"), List.of(DataType.VARCHAR)), sql, List.of(),
                    CursorFactory.ARRAY, StatementType.SELECT);
        }
        if (planned.isCommand()) {
            List<String> names = DdlExecutor.resultColumns(planned.command());
            return names.isEmpty()
                    ? Signature.create(List.of(), sql, List.of(), CursorFactory.ARRAY, StatementType.OTHER_DDL)
                    : Signature.create(ResultColumns.metadata(names, names.stream().map(n -> DataType.VARCHAR).toList()), sql,
                            List.of(), CursorFactory.ARRAY, StatementType.SELECT);
        }
        List<ColumnMetaData> columns = planned.explain() != Explain.NONE
                ? ResultColumns.metadata(List.of("plan"), List.of(DataType.VARCHAR))
                : ResultColumns.metadata(planned.query().columnNames(), planned.query().columnTypes());
        return Signature.create(columns, sql, List.of(), CursorFactory.ARRAY, StatementType.SELECT);
    }
}
