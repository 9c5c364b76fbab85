package dev.shoal.coordinator.query;

import dev.shoal.coordinator.cluster.WorkerNode;
import dev.shoal.coordinator.cluster.WorkerRegistry;
import dev.shoal.core.catalog.Catalog;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.plan.ExchangeKind;
import dev.shoal.core.plan.JoinNode;
import dev.shoal.core.plan.PlanFragment;
import dev.shoal.core.plan.PlanNode;
import dev.shoal.core.plan.RemoteSourceNode;
import dev.shoal.core.serde.PlanCodec;
import dev.shoal.core.task.ClusterActions;
import dev.shoal.core.task.OutputSpec;
import dev.shoal.core.task.TaskDescriptor;
import dev.shoal.core.task.TaskId;
import dev.shoal.core.task.TaskLocation;
import dev.shoal.core.task.TaskStatus;
import dev.shoal.exec.exchange.FlightClients;
import dev.shoal.exec.exchange.Threads;
import dev.shoal.parquet.store.ObjectStore;
import dev.shoal.planner.distribute.Fragment;
import dev.shoal.planner.distribute.FragmentPartitioning;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Places a query's fragments on workers: one task per live worker for SOURCE and HASH fragments
 * (scan tasks get a byte-balanced share of the files; a scan of fewer splits than workers, a task
 * per split), one task for SINGLE fragments (on the worker
 * holding the least memory: {@link SingleTaskPlacement}), the root on
 * the coordinator. The query's tables are listed at once, and its tasks are all created at once
 * (a worker asked for the output of a task it has not created yet waits for it). A worker that
 * cannot be reached is marked lost,
 * the tasks already created are canceled and the query fails naming the worker.
 */
final class QueryScheduler {
    /** Threads for the calls a schedule sends at once (listings, task creations): they wait on the network. */
    private static final ExecutorService CALLS = Executors.newCachedThreadPool(Threads.daemon("shoal-scheduler"));
    /** Splits cut per scan task when the session does not say how many drivers a task runs: enough for a worker of four cores. */
    static final int DRIVERS_PER_TASK_HINT = 4;
    private final Catalog catalog;
    private final ObjectStore store;
    private final WorkerRegistry registry;
    private final FlightClients clients;

    QueryScheduler(Catalog catalog, ObjectStore store, WorkerRegistry registry, FlightClients clients) {
        this.catalog = catalog;
        this.store = store;
        this.registry = registry;
        this.clients = clients;
    }

    /** The root task's descriptor (to run here) and the workers holding the query's other tasks. */
    record Scheduled(TaskDescriptor root, Set<WorkerNode> workers, int splits) {
    }

    /**
     * {@code scanLimitBytes}: query_max_scan_size; a query whose files hold more fails before any task is created.
     * {@code taskConcurrency}: the session's task_concurrency, 0 for each worker's own.
     */
    Scheduled schedule(String queryId, List<Fragment> fragments, Optional<Long> scanLimitBytes, int taskConcurrency) {
        List<WorkerNode> workers = registry.liveWorkers();
        if (workers.isEmpty() && fragments.size() > 1) {
            throw new ShoalException(ErrorCode.NO_WORKERS,
                    "no workers are available: start one with 'shoal worker --coordinator HOST:PORT'");
        }
        SplitAssigner splits = new SplitAssigner(catalog, store, taskConcurrency > 0 ? taskConcurrency : DRIVERS_PER_TASK_HINT);
        Map<Integer, Integer> consumers = new HashMap<>();
        for (Fragment fragment : fragments) {
            fragment.sourceFragmentIds().forEach(source -> consumers.put(source, fragment.id()));
        }
        Map<Integer, List<TaskLocation>> locations = new HashMap<>();
        Set<WorkerNode> used = new LinkedHashSet<>();
        SingleTaskPlacement singles = new SingleTaskPlacement(workers, worker -> registry.reservedMemoryBytes(worker.id()), queryId);
        try {
            splits.list(fragments.stream().map(Fragment::root).toList(), CALLS);
            scanLimitBytes.ifPresent(splits::checkScanLimit);
            Map<Integer, Integer> taskCounts = new HashMap<>();
            fragments.forEach(fragment -> taskCounts.put(fragment.id(), taskCount(fragment, workers, splits)));
            // Children have larger ids than their consumers: highest id first knows each producer's tasks before
            // its consumers are described. All are created at once: a consumer that asks a worker for a producer's
            // output before that task exists there waits for it (ExchangeService), and a scan waiting for a join's
            // dynamic filter waits whichever starts first. One fragment after another cost a round trip each:
            // 79 of TPC-DS q25's 96 ms of scheduling.
            List<CompletableFuture<Void>> creations = new ArrayList<>();
            for (int i = fragments.size() - 1; i >= 1; i--) {
                Fragment fragment = fragments.get(i);
                int taskCount = taskCounts.get(fragment.id());
                int partitions = taskCounts.get(consumers.get(fragment.id()));
                List<TaskLocation> tasks = new ArrayList<>();
                for (int t = 0; t < taskCount; t++) {
                    WorkerNode worker = taskCount == 1 ? singles.next() : workers.get(t);
                    TaskId taskId = new TaskId(queryId, fragment.id(), t, 0);
                    TaskDescriptor descriptor = new TaskDescriptor(taskId,
                            new PlanFragment(queryId, fragment.id(), splits.assign(fragment.root(), t, taskCount)),
                            new OutputSpec(fragment.outputKind(), fragment.outputKeys(), partitions),
                            sourcesOf(fragment, locations), t, taskConcurrency);
                    used.add(worker);
                    creations.add(CompletableFuture.runAsync(() -> create(worker, descriptor), CALLS));
                    tasks.add(worker.location(taskId));
                }
                locations.put(fragment.id(), tasks);
            }
            awaitAll(creations);
        } catch (RuntimeException e) {
            cancel(queryId, used);
            throw e;
        }
        Fragment root = fragments.get(0);
        TaskDescriptor rootTask = new TaskDescriptor(new TaskId(queryId, 0, 0, 0),
                new PlanFragment(queryId, 0, splits.assign(root.root(), 0, 1)),
                new OutputSpec(ExchangeKind.GATHER, List.of(), 1), sourcesOf(root, locations), 0, taskConcurrency);
        return new Scheduled(rootTask, used, splits.assignedSplits());
    }

    /**
     * One task per worker for SOURCE and HASH fragments, one for the others; but a scan fragment whose
     * tables have fewer splits than there are workers (a dimension table in one small file) gets a task per
     * split: the others would read nothing, yet each costs a creation, its streams and its consumers' requests.
     */
    private static int taskCount(Fragment fragment, List<WorkerNode> workers, SplitAssigner splits) {
        if (fragment.id() == 0 || !fragment.partitioning().onEveryWorker()) {
            return 1;
        }
        if (fragment.partitioning() != FragmentPartitioning.SOURCE || hasPartitionedInput(fragment.root())
                || publishesDynamicFilter(fragment.root())) {
            return workers.size();
        }
        return Math.max(1, Math.min(workers.size(), splits.maxSplits(fragment.root(), workers.size())));
    }

    /**
     * Whether a join of the tree hands its build keys to scans: each worker's scans wait for the filter their
     * worker's task publishes, so such a fragment runs on every worker (TPC-DS q13 waited 30 s for a filter
     * no task of its worker would publish).
     */
    private static boolean publishesDynamicFilter(PlanNode node) {
        if (node instanceof JoinNode join && join.dynamicFilterId() != JoinNode.NO_DYNAMIC_FILTER) {
            return true;
        }
        return node.inputs().stream().anyMatch(QueryScheduler::publishesDynamicFilter);
    }

    /** Whether rows reach the tree hash-partitioned or dealt out: its task count is then the producers' partition count. */
    private static boolean hasPartitionedInput(PlanNode node) {
        if (node instanceof RemoteSourceNode remote) {
            return remote.kind() == ExchangeKind.HASH || remote.kind() == ExchangeKind.ROUND_ROBIN;
        }
        return node.inputs().stream().anyMatch(QueryScheduler::hasPartitionedInput);
    }

    private static Map<Integer, List<TaskLocation>> sourcesOf(Fragment fragment, Map<Integer, List<TaskLocation>> locations) {
        Map<Integer, List<TaskLocation>> sources = new HashMap<>();
        for (int source : fragment.sourceFragmentIds()) {
            sources.put(source, locations.get(source));
        }
        return sources;
    }

    /**
     * Waits for the query's task creations, sent to their workers at once: one after another they
     * cost a round trip each. The first failure is rethrown, a lost worker's before any other.
     */
    private static void awaitAll(List<CompletableFuture<Void>> calls) {
        RuntimeException failure = null;
        for (CompletableFuture<Void> call : calls) {
            try {
                call.join();
            } catch (CompletionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException runtime ? runtime
                        : new ShoalException(ErrorCode.INTERNAL_ERROR, "cannot create a task: " + e.getCause(), e.getCause());
                if (failure == null || cause instanceof ShoalException shoal && shoal.code() == ErrorCode.WORKER_LOST) {
                    failure = cause;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void create(WorkerNode worker, TaskDescriptor descriptor) {
        try {
            clients.call(worker.host(), worker.port(), worker.describe(), ClusterActions.CREATE_TASK, PlanCodec.encodeTask(descriptor));
        } catch (ShoalException e) {
            if (e.code() == ErrorCode.WORKER_LOST) {
                registry.markLost(worker.id(), e.getMessage());
            }
            throw e;
        }
    }

    /**
     * Stops and releases the query's tasks on each worker, returning what they had done; a worker
     * already gone has nothing left to stop, and its figures are missing.
     */
    List<TaskStatus> cancel(String queryId, Set<WorkerNode> workers) {
        List<TaskStatus> released = new ArrayList<>();
        for (WorkerNode worker : workers) {
            try {
                released.addAll(PlanCodec.readList(clients.call(worker.host(), worker.port(), worker.describe(),
                        ClusterActions.CANCEL_QUERY, queryId.getBytes(StandardCharsets.UTF_8)), TaskStatus.class));
            } catch (RuntimeException ignored) {
                // The worker is gone or going: its tasks went with it.
            }
        }
        return released;
    }
}
