package dev.shoal.coordinator.lifecycle;

import dev.shoal.catalog.history.QueryHistoryStore;
import dev.shoal.catalog.history.QueryRecord;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.session.SessionProperty;
import dev.shoal.exec.exchange.Threads;
import dev.shoal.planner.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Every statement the coordinator runs, from submission to its end and for a while after: the
 * running ones by id (for kill_query and their time limits), and the last {@code historySize} ended
 * ones, kept in the catalog's database (written in the background, a second at most after they end)
 * so that system.runtime.queries lists them after a restart.
 */
public final class QueryTracker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QueryTracker.class);
    private static final long CHECK_PERIOD_MILLIS = 100;
    private static final long PERSIST_PERIOD_MILLIS = 1000;

    private final QueryIds ids = new QueryIds();
    private final Admission admission;
    private final int historySize;
    private final Optional<QueryHistoryStore> store;
    private final Map<String, TrackedQuery> active = new ConcurrentHashMap<>();
    private final Deque<QueryRecord> ended = new ArrayDeque<>();
    private final List<QueryRecord> unsaved = new ArrayList<>();
    private final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(Threads.daemon("shoal-query-tracker"));

    public QueryTracker(QueryLimits limits, Optional<QueryHistoryStore> store) {
        this.admission = new Admission(limits.maxRunningQueries(), limits.maxQueuedQueries());
        this.historySize = limits.historySize();
        this.store = store;
        store.ifPresent(s -> {
            try {
                s.recent(historySize).forEach(ended::addLast);
            } catch (ShoalException e) {
                LOG.warn("query history not loaded: {}", e.getMessage());
            }
        });
        background.scheduleWithFixedDelay(this::enforceTimeLimits, CHECK_PERIOD_MILLIS, CHECK_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        background.scheduleWithFixedDelay(this::persist, PERSIST_PERIOD_MILLIS, PERSIST_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** A new statement, QUEUED; {@code source} is what the client says it is (null if it says nothing). */
    public TrackedQuery begin(Session session, String source, String sql) {
        TrackedQuery query = new TrackedQuery(ids.next(), session, source, sql, this::ended);
        active.put(query.id(), query);
        return query;
    }

    /**
     * Lets the query start planning: a query or a write waits for a slot when {@code limited} and
     * the coordinator runs as many as it may; other statements (SHOW, SET, DDL, kill_query) never wait.
     */
    public void admit(TrackedQuery query, boolean limited) {
        if (limited) {
            admission.acquire(query);
        }
        query.admitted(limited);
    }

    private void ended(TrackedQuery query) {
        active.remove(query.id());
        if (query.holdsSlot()) {
            admission.release();
        }
        QueryRecord record = query.record();
        synchronized (this) {
            ended.addFirst(record);
            while (ended.size() > historySize) {
                ended.removeLast();
            }
            if (store.isPresent()) {
                unsaved.add(record);
            }
        }
    }

    /** Running queries first, then ended ones, each newest first: what system.runtime.queries lists. */
    public List<QueryRecord> queries() {
        List<QueryRecord> all = new ArrayList<>(active.values().stream().map(TrackedQuery::record)
                .sorted(Comparator.comparing(QueryRecord::created).reversed()).toList());
        synchronized (this) {
            all.addAll(ended);
        }
        return all;
    }

    public Optional<TrackedQuery> running(String id) {
        return Optional.ofNullable(active.get(id));
    }

    public int queued() {
        return admission.queued();
    }

    /**
     * kill_query: ends a running query with ADMINISTRATIVELY_KILLED and the caller's message, as
     * Trino's does; an ended or unknown id is an error naming it.
     */
    public void kill(String id, String message) {
        TrackedQuery query = running(id).orElseThrow(() -> new ShoalException(ErrorCode.QUERY_NOT_FOUND,
                queries().stream().anyMatch(q -> q.queryId().equals(id)) ? "query " + id + " has already ended"
                        : "query " + id + " does not exist; system.runtime.queries lists the queries"));
        String reason = message == null || message.isBlank() ? "Query killed" : "Query killed. Message: " + message;
        query.cancellation().request(new ShoalException(ErrorCode.ADMINISTRATIVELY_KILLED, reason));
    }

    /** query_max_run_time counts from submission, queue and planning included, as Trino's does. */
    private void enforceTimeLimits() {
        for (TrackedQuery query : active.values()) {
            Optional<Long> limit = query.session().properties().millis(SessionProperty.QUERY_MAX_RUN_TIME);
            if (limit.isPresent() && query.elapsedMillis() > limit.get() && !query.cancellation().isRequested()) {
                String text = query.session().properties().value(SessionProperty.QUERY_MAX_RUN_TIME).orElse("");
                query.cancellation().request(new ShoalException(ErrorCode.EXCEEDED_TIME_LIMIT,
                        "Query exceeded the maximum run time limit of " + text + " (session property query_max_run_time)"));
            }
        }
    }

    private void persist() {
        List<QueryRecord> batch;
        synchronized (this) {
            if (unsaved.isEmpty()) {
                return;
            }
            batch = List.copyOf(unsaved);
            unsaved.clear();
        }
        try {
            store.orElseThrow().add(batch);
            store.get().keepNewest(historySize);
        } catch (RuntimeException e) {
            LOG.warn("{} ended queries not kept in the history: {}", batch.size(), e.getMessage());
        }
    }

    @Override
    public void close() {
        background.shutdownNow();
        persist();
    }
}
