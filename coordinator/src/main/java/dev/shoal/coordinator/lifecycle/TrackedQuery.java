package dev.shoal.coordinator.lifecycle;

import dev.shoal.catalog.history.QueryRecord;
import dev.shoal.coordinator.query.Cancellation;
import dev.shoal.coordinator.query.QueryState;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.session.SessionProperty;
import dev.shoal.planner.PhaseTime;
import dev.shoal.planner.Session;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One statement from submission to its end, as system.runtime.queries shows it: its id, state,
 * times, rows, bytes scanned and error. The statement's threads move it through the states;
 * {@link #end} happens once, and tells the tracker.
 */
public final class TrackedQuery {
    /** Parse, validate and convert: Trino's analysis; the phases after it are planning. */
    private static final Set<String> ANALYSIS_PHASES = Set.of("parse", "validate", "convert");

    private final String id;
    private final Session session;
    private final String source;
    private final String sql;
    private final Cancellation cancellation;
    private final Consumer<TrackedQuery> onEnd;
    private final Instant created = Instant.now();
    private final long createdNanos = System.nanoTime();
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong bytesScanned = new AtomicLong();
    /** Rows its tasks read from storage, known once they were released (the shell's final summary). */
    private final AtomicLong rowsScanned = new AtomicLong();
    /** The sum of its tasks' peaks, once they are released; null before. */
    private volatile Long peakMemoryBytes;
    private final AtomicLong totalSplits = new AtomicLong();
    private volatile QueryState state = QueryState.QUEUED;
    private volatile long queuedMillis;
    private volatile long analysisMillis;
    private volatile long planningMillis;
    private volatile Instant started;
    private volatile Instant lastHeartbeat = created;
    private volatile Instant end;
    private volatile long endNanos;
    private volatile ErrorCode errorCode;
    private volatile String errorMessage;
    private volatile boolean holdsSlot;

    TrackedQuery(String id, Session session, String source, String sql, Consumer<TrackedQuery> onEnd) {
        this.id = id;
        this.source = source;
        this.sql = sql;
        this.cancellation = new Cancellation();
        // A cancel, kill_query or the time limit stops the statement's planning too, not only its run.
        this.session = session.interruptedBy(cancellation::check);
        this.onEnd = onEnd;
    }

    public String id() {
        return id;
    }

    public Session session() {
        return session;
    }

    public String user() {
        return session.user();
    }

    public String sql() {
        return sql;
    }

    public Cancellation cancellation() {
        return cancellation;
    }

    public QueryState state() {
        return state;
    }

    /** The session's query_max_scan_size in bytes, if it has one. */
    public Optional<Long> scanLimitBytes() {
        return session.properties().bytes(SessionProperty.QUERY_MAX_SCAN_SIZE);
    }

    /** The session's task_concurrency, or 0 for each worker's own. */
    public int taskConcurrency() {
        return session.properties().integer(SessionProperty.TASK_CONCURRENCY).orElse(0);
    }

    /** Since submission; until its end once it ended. */
    public long elapsedMillis() {
        long ended = endNanos;
        return ((ended == 0 ? System.nanoTime() : ended) - createdNanos) / 1_000_000;
    }

    void admitted(boolean slot) {
        holdsSlot = slot;
        queuedMillis = elapsedMillis();
        move(QueryState.PLANNING);
    }

    boolean holdsSlot() {
        return holdsSlot;
    }

    /** Planning is done: its phases are split into Trino's analysis and planning times. */
    public void planned(List<PhaseTime> phases) {
        analysisMillis += phases.stream().filter(p -> ANALYSIS_PHASES.contains(p.phase())).mapToLong(PhaseTime::nanos).sum() / 1_000_000;
        planningMillis += phases.stream().filter(p -> !ANALYSIS_PHASES.contains(p.phase())).mapToLong(PhaseTime::nanos).sum() / 1_000_000;
        move(QueryState.STARTING);
    }

    public void running() {
        if (started == null) {
            started = Instant.now();
        }
        move(QueryState.RUNNING);
    }

    /** Running, its tasks given {@code splits} splits to read in all. */
    public void running(int splits) {
        totalSplits.addAndGet(splits);
        running();
    }

    /** Splits its queries' tasks were given, for progress. */
    public long totalSplits() {
        return totalSplits.get();
    }


    public void finishing() {
        move(QueryState.FINISHING);
    }

    /** The client fetched: Trino's last_heartbeat. */
    public void heartbeat() {
        lastHeartbeat = Instant.now();
    }

    public void addRows(long count) {
        rows.addAndGet(count);
    }

    public void addBytesScanned(long bytes) {
        bytesScanned.addAndGet(bytes);
    }

    public void addRowsScanned(long count) {
        rowsScanned.addAndGet(count);
    }

    public long rowsScanned() {
        return rowsScanned.get();
    }

    /** Its tasks' peaks, summed: an upper bound of what it held at once across the cluster (they need not peak together). */
    public void addPeakMemory(long bytes) {
        Long before = peakMemoryBytes;
        peakMemoryBytes = (before == null ? 0 : before) + bytes;
    }

    private synchronized void move(QueryState next) {
        if (end == null) {
            state = next;
        }
    }

    /** Ends the query FINISHED, or FAILED or CANCELED by {@code error}; only the first end counts. */
    public void end(Throwable error) {
        synchronized (this) {
            if (end != null) {
                return;
            }
            end = Instant.now();
            endNanos = System.nanoTime();
            lastHeartbeat = end;
            if (error == null) {
                state = QueryState.FINISHED;
            } else {
                ShoalException shoal = ShoalException.within(error);
                errorCode = shoal != null ? shoal.code() : ErrorCode.INTERNAL_ERROR;
                errorMessage = shoal != null ? shoal.getMessage() : error.getMessage();
                state = errorCode == ErrorCode.QUERY_CANCELED || errorCode == ErrorCode.ADMINISTRATIVELY_KILLED
                        ? QueryState.CANCELED : QueryState.FAILED;
            }
        }
        onEnd.accept(this);
    }

    public boolean isEnded() {
        return end != null;
    }

    /** What system.runtime.queries shows of it now. */
    public QueryRecord record() {
        ErrorCode code = errorCode;
        return new QueryRecord(id, state.name(), session.user(), source, sql, queuedMillis, analysisMillis, planningMillis, created,
                started, lastHeartbeat, end, code == null ? null : code.type().name(), code == null ? null : code.name(), errorMessage,
                rows.get(), bytesScanned.get(), peakMemoryBytes);
    }
}
