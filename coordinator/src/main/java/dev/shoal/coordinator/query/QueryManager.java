package dev.shoal.coordinator.query;

import dev.shoal.coordinator.CoordinatorConfig;
import dev.shoal.coordinator.cluster.WorkerNode;
import dev.shoal.coordinator.cluster.WorkerRegistry;
import dev.shoal.core.catalog.Catalog;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.serde.PlanCodec;
import dev.shoal.core.task.ClusterActions;
import dev.shoal.core.task.TaskStatus;
import dev.shoal.exec.exchange.FlightClients;
import dev.shoal.exec.exchange.Threads;
import dev.shoal.exec.task.TaskExecutor;
import dev.shoal.parquet.stats.StatisticsCache;
import dev.shoal.parquet.store.ObjectStore;
import dev.shoal.planner.PlannedQuery;
import dev.shoal.planner.QueryPlanner;
import dev.shoal.planner.distribute.Fragment;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Plans, distributes, schedules and watches queries. The root fragment runs here, pulled by the
 * client's fetches; the other fragments run on workers. A monitor fails every query that has a
 * task on a worker gone silent, and a finished query's tasks are released on every worker.
 */
public final class QueryManager implements AutoCloseable {
    private static final long MONITOR_PERIOD_MILLIS = 250;

    private final QueryPlanner planner;
    private final QueryScheduler scheduler;
    private final PartitionPruner pruner;
    private final PartitionPruner explainPruner;
    private final TaskExecutor executor;
    private final WorkerRegistry registry;
    private final FlightClients clients;
    private final AtomicLong nextId = new AtomicLong();
    private final Map<String, RunningQuery> running = new ConcurrentHashMap<>();
    private final ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(Threads.daemon("shoal-query-monitor"));

    public QueryManager(Catalog catalog, ObjectStore store, WorkerRegistry registry, FlightClients clients,
                        CoordinatorConfig config) {
        this.planner = new QueryPlanner(catalog, config.defaultSchema(), new StatisticsCache(store)::get, config.broadcastThresholdBytes());
        this.scheduler = new QueryScheduler(catalog, store, registry, clients);
        this.pruner = new PartitionPruner(catalog);
        this.explainPruner = new PartitionPruner(catalog, store);
        this.executor = new TaskExecutor(store, clients);
        this.registry = registry;
        this.clients = clients;
        monitor.scheduleWithFixedDelay(this::failQueriesOnLostWorkers, MONITOR_PERIOD_MILLIS, MONITOR_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    public QueryPlanner planner() {
        return planner;
    }

    /** The query's fragments, each scan of a partitioned table narrowed to the partitions its filter keeps. */
    public List<Fragment> fragments(PlannedQuery planned) {
        return planned.fragments().stream().map(f -> f.withRoot(pruner.prune(f.root()))).toList();
    }

    /**
     * The fragments as EXPLAIN shows them: pruned, and for an external table's scan with the files
     * kept of the total counted by listing (a query lists only the kept partitions, once, when it runs).
     */
    public List<Fragment> explainFragments(PlannedQuery planned) {
        return planned.fragments().stream().map(f -> f.withRoot(explainPruner.prune(f.root()))).toList();
    }

    public RunningQuery start(PlannedQuery planned) {
        return start(planned, fragments(planned), true);
    }

    private RunningQuery start(PlannedQuery planned, List<Fragment> fragments, boolean releaseWhenDone) {
        String id = "q" + nextId.incrementAndGet();
        QueryScheduler.Scheduled scheduled = scheduler.schedule(id, fragments);
        TaskExecutor.Task root;
        try {
            root = executor.start(scheduled.root());
        } catch (RuntimeException e) {
            scheduler.cancel(id, scheduled.workers());
            throw e;
        }
        RunningQuery query = new RunningQuery(id, planned.columnNames(), planned.columnTypes(), root, scheduled.workers(),
                (done, error) -> finished(done, error, releaseWhenDone));
        running.put(id, query);
        return query;
    }

    private void finished(RunningQuery query, ShoalException error, boolean release) {
        running.remove(query.id());
        if (error != null) {
            noteFailure(query, error);
        }
        if (release) {
            scheduler.cancel(query.id(), query.workers());
        }
    }

    /**
     * EXPLAIN ANALYZE: runs the query to the end, discarding rows, then reports each fragment's
     * tasks: rows and bytes read, received through exchanges and sent, per worker.
     */
    public List<String> explainAnalyze(PlannedQuery planned) {
        return runAnalyzed(planned, view -> Boolean.TRUE, Cancellation.none()).lines();
    }

    /** A query's rows, each converted, and its EXPLAIN ANALYZE report. */
    public record Analyzed<R>(List<R> rows, List<String> lines) {
    }

    /** Runs the query to the end keeping its converted rows (a write's file rows), then reports as EXPLAIN ANALYZE does. */
    public <R> Analyzed<R> runAnalyzed(PlannedQuery planned, Function<RunningQuery.RowView, R> convert, Cancellation cancellation) {
        List<Fragment> fragments = fragments(planned);
        long start = System.nanoTime();
        RunningQuery query = start(planned, fragments, false);
        cancellation.attach(query);
        List<R> kept = new ArrayList<>();
        long rows = 0;
        try {
            while (!query.isDone()) {
                List<R> batch = query.nextRows(4096, convert);
                rows += batch.size();
                kept.addAll(batch);
            }
        } finally {
            query.close();
        }
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        List<TaskStatus> statuses = new ArrayList<>();
        for (WorkerNode worker : query.workers()) {
            byte[] body = clients.call(worker.host(), worker.port(), worker.describe(), ClusterActions.QUERY_STATUS,
                    query.id().getBytes(StandardCharsets.UTF_8));
            statuses.addAll(PlanCodec.readList(body, TaskStatus.class));
        }
        scheduler.cancel(query.id(), query.workers());
        return new Analyzed<>(kept, ExplainAnalyzePrinter.lines(fragments, statuses, rows, elapsedMillis, planned.phases()));
    }

    private void failQueriesOnLostWorkers() {
        for (RunningQuery query : running.values()) {
            for (WorkerNode worker : query.workers()) {
                if (!registry.isAlive(worker.id())) {
                    query.fail(ShoalException.workerLost(worker.describe(), "worker " + worker.describe()
                            + " was lost: no heartbeat for " + registry.silenceMillis(worker.id()) + " ms", null));
                    break;
                }
            }
        }
    }

    /** A query failed because a worker could not be reached: stop scheduling on that worker now. */
    private void noteFailure(RunningQuery query, ShoalException error) {
        if (error.code() != ErrorCode.WORKER_LOST) {
            return;
        }
        for (WorkerNode worker : query.workers()) {
            if (error.lostWorker().filter(worker.describe()::equals).isPresent()) {
                registry.markLost(worker.id(), error.getMessage());
                clients.forget(worker.host(), worker.port());
            }
        }
    }

    public Set<String> runningQueryIds() {
        return Set.copyOf(running.keySet());
    }

    @Override
    public void close() {
        monitor.shutdownNow();
        running.values().forEach(RunningQuery::close);
    }
}
