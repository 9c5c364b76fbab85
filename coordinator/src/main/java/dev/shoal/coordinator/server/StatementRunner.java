package dev.shoal.coordinator.server;

import dev.shoal.catalog.history.QueryRecord;
import dev.shoal.coordinator.auth.Authenticator;
import dev.shoal.coordinator.ddl.CommandResult;
import dev.shoal.coordinator.ddl.DdlExecutor;
import dev.shoal.coordinator.lifecycle.QueryTracker;
import dev.shoal.coordinator.lifecycle.TrackedQuery;
import dev.shoal.coordinator.query.QueryManager;
import dev.shoal.coordinator.query.RunningQuery;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.type.DataType;
import dev.shoal.planner.PlanPrinter;
import dev.shoal.planner.Session;
import dev.shoal.planner.parser.SqlExplainStatement;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.remote.TypedValue;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs one statement of a connection, as a tracked query with an id and a state: parsed (or
 * prepared before), given a slot when it is a query or a write (so that at most so many run at
 * once), planned, then run: a command at once, a query started for the client to read.
 */
final class StatementRunner {
    private final QueryManager queries;
    private final DdlExecutor commands;
    private final ConnectionSessions sessions;
    private final SessionStatements sessionStatements;
    private final Procedures procedures;
    private final QueryTracker tracker;

    StatementRunner(QueryManager queries, DdlExecutor commands, ConnectionSessions sessions, SessionStatements sessionStatements,
                    QueryTracker tracker, Authenticator authenticator) {
        this.queries = queries;
        this.commands = commands;
        this.sessions = sessions;
        this.sessionStatements = sessionStatements;
        this.procedures = new Procedures(tracker, authenticator);
        this.tracker = tracker;
    }

    /** What a statement gave: its result's columns, and rows known at once, an update count, or a query to read. */
    record Outcome(Meta.Signature signature, List<Object> rows, long updateCount, RunningQuery query) {
        boolean isUpdate() {
            return updateCount >= 0;
        }
    }

    /** Runs the statement {@code state} holds; the tracked query ends here unless a query is left for the client to read. */
    Outcome run(String connectionId, StatementState state) {
        TrackedQuery tracked = tracker.begin(sessions.session(connectionId), sessions.source(connectionId), state.sql);
        state.tracked = tracked;
        state.cancellation = tracked.cancellation();
        try {
            Outcome outcome = execute(connectionId, state, tracked);
            if (outcome.query() == null) {
                tracked.end(null);
            }
            return outcome;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError | AssertionError e) {
            tracked.end(ErrorTranslator.engineError(e));
            throw e;
        }
    }

    private Outcome execute(String connectionId, StatementState state, TrackedQuery tracked) {
        long start = System.nanoTime();
        PlanOrExplain planned = state.prepared;
        // A prepared plan serves one execution; later ones plan again so that catalog changes are seen.
        state.prepared = null;
        if (planned == null) {
            SqlNode parsed = state.parsed != null ? state.parsed : parse(state.sql, state.parameters);
            state.parsed = null;
            tracker.admit(tracked, Slots.takesSlot(parsed));
            planned = plan(parsed, tracked.session(), start);
        } else {
            tracker.admit(tracked, planned.takesSlot());
        }
        if (planned.query() != null) {
            tracked.planned(planned.query().phases());
        }
        Meta.Signature signature = signature(state.sql, planned);
        if (planned.isCommand()) {
            return command(connectionId, state, tracked, planned, signature);
        }
        if (planned.explain() != Explain.NONE) {
            tracked.running();
            List<String> lines = switch (planned.explain()) {
                case ANALYZE -> queries.explainAnalyze(planned.query(), tracked);
                case LOGICAL -> PlanPrinter.lines(planned.query().root());
                default -> PlanPrinter.fragmentLines(queries.explainFragments(planned.query()));
            };
            return new Outcome(signature, lines.stream().map(line -> (Object) new Object[] {line}).toList(), -1, null);
        }
        RunningQuery query = queries.start(planned.query(), tracked, true);
        tracked.cancellation().attach(query);
        return new Outcome(signature, List.of(), -1, query);
    }

    private Outcome command(String connectionId, StatementState state, TrackedQuery tracked, PlanOrExplain planned,
                            Meta.Signature signature) {
        tracked.running();
        SqlNode command = planned.command();
        boolean analyze = planned.explain() == Explain.ANALYZE;
        CommandResult result;
        if (SessionStatements.handles(command)) {
            result = sessionStatements.execute(connectionId, command);
        } else if (Procedures.handles(command)) {
            result = procedures.call(command, tracked);
        } else {
            result = commands.execute(command, state.sql, () -> unwrapExplain(parse(state.sql, state.parameters)), tracked, analyze);
        }
        if (analyze) {
            return new Outcome(signature, result.analysis().stream().map(line -> (Object) new Object[] {line}).toList(), -1, null);
        }
        if (result.isUpdate()) {
            return new Outcome(signature, List.of(), result.updateCount(), null);
        }
        return new Outcome(signature, new ArrayList<>(result.rows()), -1, null);
    }

    /** Whether the statement is a write (CREATE TABLE AS, INSERT) to run as {@link AsyncWrites} do; a statement that does not parse is not. */
    boolean isWrite(StatementState state) {
        try {
            SqlNode statement;
            if (state.prepared == null) {
                // Kept for the execution that follows, which would parse the same text again.
                state.parsed = parse(state.sql, state.parameters);
                statement = state.parsed;
            } else {
                statement = state.prepared.command();
            }
            return statement != null && !(statement instanceof SqlExplainStatement) && DdlExecutor.analyzable(statement)
                    && (state.prepared == null || state.prepared.explain() == Explain.NONE);
        } catch (RuntimeException e) {
            return false;
        }
    }

    static boolean isCommand(SqlNode parsed) {
        return DdlExecutor.handles(parsed) || SessionStatements.handles(parsed) || Procedures.handles(parsed);
    }

    /** A tracked query's progress: live from its workers while it runs, final once it ended. */
    StatementProgress progress(TrackedQuery tracked) {
        QueryRecord record = tracked.record();
        Optional<QueryManager.Progress> live = tracked.isEnded() ? Optional.empty() : queries.progress(tracked.id());
        long splits = tracked.totalSplits();
        return new StatementProgress(record.queryId(), record.state(), tracked.elapsedMillis(), splits,
                live.map(QueryManager.Progress::splitsCompleted).orElse(tracked.isEnded() && record.errorCode() == null ? splits : 0L),
                live.map(QueryManager.Progress::rowsRead).orElse(tracked.rowsScanned()), live.map(QueryManager.Progress::bytesRead).orElse(record.bytesScanned()),
                record.rows(), record.errorCode());
    }

    /** The statement EXPLAIN ANALYZE runs: a write parsed afresh is the explained statement, not the EXPLAIN. */
    private static SqlNode unwrapExplain(SqlNode parsed) {
        return parsed instanceof SqlExplainStatement explain ? explain.statement() : parsed;
    }

    /** The statement parsed afresh, its ? parameters replaced by the values given. */
    SqlNode parse(String sql, List<TypedValue> parameters) {
        SqlNode parsed = queries.planner().parse(sql);
        if (parameters.isEmpty()) {
            return parsed;
        }
        if (parsed instanceof SqlExplainStatement explain) {
            return new SqlExplainStatement(explain.getParserPosition(), ParameterBinder.bind(explain.statement(), parameters),
                    explain.analyze(), explain.verbose(), explain.options());
        }
        if (isCommand(parsed) && !(parsed instanceof SqlInsert)) {
            throw new ShoalException(ErrorCode.NOT_SUPPORTED, "? parameters are taken in queries and INSERT, not in DDL");
        }
        return ParameterBinder.bind(parsed, parameters);
    }

    /** {@code start}: when parsing began, so that EXPLAIN ANALYZE's parse phase counts it. */
    PlanOrExplain plan(SqlNode parsed, Session session, long start) {
        boolean slot = Slots.takesSlot(parsed);
        if (isCommand(parsed)) {
            return new PlanOrExplain(null, Explain.NONE, parsed, slot);
        }
        if (parsed instanceof SqlExplainStatement explain) {
            Explain mode = Explain.of(explain);
            if (isCommand(explain.statement())) {
                if (mode != Explain.ANALYZE || !DdlExecutor.analyzable(explain.statement())) {
                    throw new ShoalException(ErrorCode.NOT_SUPPORTED, "EXPLAIN of " + explain.statement().getKind()
                            + " is not supported; EXPLAIN ANALYZE runs CREATE TABLE AS and INSERT and reports what they wrote");
                }
                return new PlanOrExplain(null, mode, explain.statement(), slot);
            }
            return new PlanOrExplain(queries.planner().plan(explain.statement(), start, session), mode, null, slot);
        }
        return new PlanOrExplain(queries.planner().plan(parsed, start, session), Explain.NONE, null, slot);
    }

    static Meta.Signature signature(String sql, PlanOrExplain planned) {
        if (planned.isCommand() && planned.explain() == Explain.ANALYZE) {
            return Meta.Signature.create(ResultColumns.metadata(List.of("plan"), List.of(DataType.VARCHAR)), sql, List.of(),
                    Meta.CursorFactory.ARRAY, Meta.StatementType.SELECT);
        }
        if (planned.isCommand()) {
            List<String> names = SessionStatements.handles(planned.command()) ? SessionStatements.resultColumns(planned.command())
                    : DdlExecutor.resultColumns(planned.command());
            return names.isEmpty()
                    ? Meta.Signature.create(List.of(), sql, List.of(), Meta.CursorFactory.ARRAY, Meta.StatementType.OTHER_DDL)
                    : Meta.Signature.create(ResultColumns.metadata(names, names.stream().map(n -> DataType.VARCHAR).toList()), sql,
                            List.of(), Meta.CursorFactory.ARRAY, Meta.StatementType.SELECT);
        }
        List<ColumnMetaData> columns = planned.explain() != Explain.NONE
                ? ResultColumns.metadata(List.of("plan"), List.of(DataType.VARCHAR))
                : ResultColumns.metadata(planned.query().columnNames(), planned.query().columnTypes());
        return Meta.Signature.create(columns, sql, List.of(), Meta.CursorFactory.ARRAY, Meta.StatementType.SELECT);
    }
}
