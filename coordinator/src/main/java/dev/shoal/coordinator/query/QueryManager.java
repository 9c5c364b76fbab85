package dev.shoal.coordinator.query;

import dev.shoal.core.plan.PlanFragment;
import dev.shoal.core.serde.PlanCodec;
import dev.shoal.exec.task.TaskExecutor;
import dev.shoal.parquet.catalog.Catalog;
import dev.shoal.parquet.store.ObjectStore;
import dev.shoal.planner.PlannedQuery;
import dev.shoal.planner.QueryPlanner;
import dev.shoal.worker.Worker;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Plans queries and starts them: splits are assigned, the fragment is serialized and handed to
 * the least busy worker, and the client reads the root task's output.
 */
public final class QueryManager {
    private final QueryPlanner planner;
    private final SplitAssigner splits;
    private final List<Worker> workers;
    private final AtomicLong nextId = new AtomicLong();

    public QueryManager(Catalog catalog, ObjectStore store, List<Worker> workers, String defaultSchema) {
        this.planner = new QueryPlanner(catalog, defaultSchema);
        this.splits = new SplitAssigner(catalog, store);
        this.workers = List.copyOf(workers);
    }

    public QueryPlanner planner() {
        return planner;
    }

    public RunningQuery start(PlannedQuery planned) {
        String id = "q" + nextId.incrementAndGet();
        PlanFragment fragment = new PlanFragment(id, 0, splits.assign(planned.root()));
        Worker worker = workers.stream().min(Comparator.comparingInt(Worker::runningTasks)).orElseThrow();
        TaskExecutor.Task task = worker.startTask(PlanCodec.encode(fragment));
        return new RunningQuery(id, planned.columnNames(), planned.columnTypes(), worker, task);
    }
}
