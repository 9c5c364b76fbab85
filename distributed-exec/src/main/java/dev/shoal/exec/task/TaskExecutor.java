package dev.shoal.exec.task;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.plan.ExchangeKind;
import dev.shoal.core.plan.PlanFragment;
import dev.shoal.core.plan.RemoteSourceNode;
import dev.shoal.core.serde.PlanCodec;
import dev.shoal.core.task.OutputSpec;
import dev.shoal.core.task.TaskDescriptor;
import dev.shoal.core.task.TaskId;
import dev.shoal.core.task.TaskLocation;
import dev.shoal.exec.dynamicfilter.DynamicFilterRegistry;
import dev.shoal.exec.exchange.ExchangeSourceOperator;
import dev.shoal.exec.exchange.FlightClients;
import dev.shoal.exec.memory.MemoryPool;
import dev.shoal.exec.memory.TaskMemory;
import dev.shoal.exec.operator.Operator;
import dev.shoal.parquet.store.ObjectStore;

import java.util.List;
import java.util.Map;

/**
 * Turns task descriptors into runnable operator trees. The descriptor arrives serialized, as it
 * does over the network: the coordinator and the task never share plan objects.
 */
public final class TaskExecutor {
    private final ObjectStore store;
    private final FlightClients clients;
    private final DynamicFilterRegistry dynamicFilters = new DynamicFilterRegistry();

    public TaskExecutor(ObjectStore store, FlightClients clients) {
        this.store = store;
        this.clients = clients;
    }

    /** A task of a single fragment with no exchanges (tests, and plans that need none), its memory in a pool of its own. */
    public Task start(byte[] serializedFragment) {
        PlanFragment fragment = PlanCodec.decode(serializedFragment);
        return start(new TaskDescriptor(new TaskId(fragment.queryId(), fragment.fragmentId(), 0, 0), fragment,
                new OutputSpec(ExchangeKind.GATHER, List.of(), 1), Map.of(), 0), new MemoryPool().newTask());
    }

    /** Builds a task whose operators state what they hold in {@code memory}; the caller pulls its output and must close it. */
    public Task start(TaskDescriptor descriptor, TaskMemory memory) {
        TaskStats stats = new TaskStats();
        Operator root = new OperatorTreeBuilder(store, stats, remote -> remoteSource(descriptor, remote, stats, memory),
                dynamicFilters, descriptor.taskId(), memory)
                .build(descriptor.fragment().root());
        return new Task(descriptor.taskId(), root, stats);
    }

    /** The dynamic filters of this process's tasks, shared by the joins and scans of a query. */
    public DynamicFilterRegistry dynamicFilters() {
        return dynamicFilters;
    }

    private Operator remoteSource(TaskDescriptor descriptor, RemoteSourceNode remote, TaskStats stats, TaskMemory memory) {
        List<TaskLocation> sources = descriptor.sources().get(remote.sourceFragmentId());
        if (sources == null || clients == null) {
            throw new ShoalException(ErrorCode.INTERNAL_ERROR,
                    "task " + descriptor.taskId() + " has no locations for source fragment " + remote.sourceFragmentId());
        }
        return new ExchangeSourceOperator(clients, sources, descriptor.partition(), remote.types(), stats.received(),
                memory.operator("ExchangeSource"));
    }

    /** A running task: its output batches, pulled one at a time. */
    public static final class Task implements AutoCloseable {
        private final TaskId id;
        private final Operator root;
        private final TaskStats stats;

        Task(TaskId id, Operator root, TaskStats stats) {
            this.id = id;
            this.root = root;
            this.stats = stats;
        }

        public TaskId id() {
            return id;
        }

        /** The next output batch, or null when the task is done. */
        public Batch next() {
            Batch batch = root.next();
            if (batch != null) {
                stats.rowsOutput().add(batch.rowCount());
            }
            return batch;
        }

        public TaskStats stats() {
            return stats;
        }

        @Override
        public void close() {
            root.close();
        }
    }
}
