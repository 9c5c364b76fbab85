package dev.shoal.coordinator.query;

import dev.shoal.coordinator.CoordinatorConfig;
import dev.shoal.coordinator.cluster.WorkerNode;
import dev.shoal.coordinator.cluster.WorkerRegistry;
import dev.shoal.coordinator.lifecycle.TrackedQuery;
import dev.shoal.core.catalog.Catalog;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.serde.PlanCodec;
import dev.shoal.core.task.ClusterActions;
import dev.shoal.core.task.TaskStatus;
import dev.shoal.exec.exchange.FlightClients;
import dev.shoal.exec.exchange.Threads;
import dev.shoal.exec.memory.MemoryPool;
import dev.shoal.exec.memory.OperatorMemory;
import dev.shoal.exec.memory.TaskMemory;
import dev.shoal.exec.pipeline.DriverPool;
import dev.shoal.exec.task.TaskExecutor;
import dev.shoal.parquet.stats.StatisticsCache;
import dev.shoal.parquet.store.ObjectStore;
import dev.shoal.planner.PlannedQuery;
import dev.shoal.planner.QueryPlanner;
import dev.shoal.planner.calcite.SystemTable;
import dev.shoal.planner.distribute.Fragment;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
    /** The coordinator's pool: its root tasks' operators and the results read ahead of clients. */
    private final MemoryPool rootMemory;
    private final WorkerRegistry registry;
    private final FlightClients clients;
    private final Map<String, RunningQuery> running = new ConcurrentHashMap<>();
    /** The threads that run the drivers of the queries' root tasks. */
    private final DriverPool drivers = new DriverPool(DriverPool.defaultThreads());
    private final ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(Threads.daemon("shoal-query-monitor"));

    /** {@code systemTables}: what {@code system.runtime} holds, for the planner. */
    public QueryManager(Catalog catalog, ObjectStore store, WorkerRegistry registry, FlightClients clients,
                        CoordinatorConfig config, List<SystemTable> systemTables, MemoryPool memory) {
        this.rootMemory = memory;
        this.planner = new QueryPlanner(catalog, config.defaultSchema(), new StatisticsCache(store)::get, config.broadcastThresholdBytes(),
                systemTables);
        this.scheduler = new QueryScheduler(catalog, store, registry, clients);
        this.pruner = new PartitionPruner(catalog);
        this.explainPruner = new PartitionPruner(catalog, store);
        this.executor = new TaskExecutor(store, clients, drivers, Runtime.getRuntime().availableProcessors());
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

    /**
     * Starts the query: its tasks are created (after its scan limit is checked against the files it
     * would read) and its root runs here, read by the caller. When it ends, its tasks' statistics are
     * collected into {@code tracked} (bytes scanned) and its tasks released; {@code endsTracked}: its
     * end is the statement's (a SELECT's), not a step of a write.
     */
    public RunningQuery start(PlannedQuery planned, TrackedQuery tracked, boolean endsTracked) {
        return start(planned, fragments(planned), tracked, endsTracked);
    }

    private RunningQuery start(PlannedQuery planned, List<Fragment> fragments, TrackedQuery tracked, boolean endsTracked) {
        String id = tracked.id();
        QueryScheduler.Scheduled scheduled = scheduler.schedule(id, fragments, tracked.scanLimitBytes(), tracked.taskConcurrency());
        TaskExecutor.Task root;
        TaskMemory rootTaskMemory = rootMemory.newTask();
        try {
            root = executor.start(scheduled.root(), rootTaskMemory);
        } catch (RuntimeException e) {
            scheduler.cancel(id, scheduled.workers());
            throw e;
        }
        // The result read ahead of the client outlives the root task: it is released as the client takes it.
        OperatorMemory resultMemory = rootMemory.newTask().operator("ResultQueue");
        RunningQuery query = new RunningQuery(id, planned.columnNames(), planned.columnTypes(), root, scheduled.workers(),
                (done, state, error) -> finished(done, state, error, tracked, endsTracked, rootTaskMemory), resultMemory);
        running.put(id, query);
        tracked.running(scheduled.splits());
        return query;
    }

    /** Releases the query's tasks, whose answer is their final figures (bytes scanned, EXPLAIN ANALYZE's lines). */
    private void finished(RunningQuery query, QueryState state, RuntimeException error, TrackedQuery tracked, boolean endsTracked,
                          TaskMemory rootTaskMemory) {
        running.remove(query.id());
        if (error instanceof ShoalException shoal) {
            noteFailure(query, shoal);
        }
        if (endsTracked) {
            tracked.finishing();
        }
        List<TaskStatus> statuses = scheduler.cancel(query.id(), query.workers());
        query.taskStatuses(statuses);
        tracked.addBytesScanned(statuses.stream().mapToLong(TaskStatus::bytesRead).sum());
        tracked.addRowsScanned(statuses.stream().mapToLong(TaskStatus::rowsRead).sum());
        tracked.addPeakMemory(statuses.stream().mapToLong(TaskStatus::peakMemoryBytes).sum() + rootTaskMemory.peakBytes());
        if (endsTracked) {
            tracked.addRows(query.rowsRead());
            tracked.end(state == QueryState.CANCELED && error == null ? Cancellation.closed() : error);
        }
    }

    /**
     * A running query's progress as its workers report it now: splits read to their end, rows and
     * bytes read from storage so far; empty when the query is not running here.
     */
    public Optional<Progress> progress(String queryId) {
        RunningQuery query = running.get(queryId);
        if (query == null) {
            return Optional.empty();
        }
        List<TaskStatus> statuses = taskStatuses(query);
        return Optional.of(new Progress(statuses.stream().mapToLong(TaskStatus::splitsCompleted).sum(),
                statuses.stream().mapToLong(TaskStatus::rowsRead).sum(), statuses.stream().mapToLong(TaskStatus::bytesRead).sum()));
    }

    /** What a running query's tasks have done so far. */
    public record Progress(long splitsCompleted, long rowsRead, long bytesRead) {
    }

    /** The query's tasks' statistics from each worker still alive (a lost one's are lost with it). */
    private List<TaskStatus> taskStatuses(RunningQuery query) {
        List<TaskStatus> statuses = new ArrayList<>();
        for (WorkerNode worker : query.workers()) {
            if (!registry.isAlive(worker.id())) {
                continue;
            }
            try {
                byte[] body = clients.call(worker.host(), worker.port(), worker.describe(), ClusterActions.QUERY_STATUS,
                        query.id().getBytes(StandardCharsets.UTF_8));
                statuses.addAll(PlanCodec.readList(body, TaskStatus.class));
            } catch (RuntimeException e) {
                // A worker going away as the query ends: its figures are missing from the totals.
            }
        }
        return statuses;
    }

    /**
     * EXPLAIN ANALYZE: runs the query to the end, discarding rows, then reports each fragment's
     * tasks: rows and bytes read, received through exchanges and sent, per worker.
     */
    public List<String> explainAnalyze(PlannedQuery planned, TrackedQuery tracked) {
        return runAnalyzed(planned, view -> Boolean.TRUE, tracked).lines();
    }

    /** A query's rows, each converted, and its EXPLAIN ANALYZE report. */
    public record Analyzed<R>(List<R> rows, List<String> lines) {
    }

    /** Runs the query to the end keeping its converted rows (a write's file rows), then reports as EXPLAIN ANALYZE does. */
    public <R> Analyzed<R> runAnalyzed(PlannedQuery planned, Function<RunningQuery.RowView, R> convert, TrackedQuery tracked) {
        List<Fragment> fragments = fragments(planned);
        long start = System.nanoTime();
        RunningQuery query = start(planned, fragments, tracked, false);
        tracked.cancellation().attach(query);
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
        return new Analyzed<>(kept, ExplainAnalyzePrinter.lines(fragments, query.taskStatuses(), rows, elapsedMillis, planned.phases()));
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

    @Override
    public void close() {
        monitor.shutdownNow();
        running.values().forEach(RunningQuery::close);
        drivers.close();
    }
}
