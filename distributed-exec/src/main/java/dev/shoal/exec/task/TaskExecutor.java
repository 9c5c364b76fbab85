package dev.shoal.exec.task;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.plan.PlanFragment;
import dev.shoal.core.serde.PlanCodec;
import dev.shoal.exec.operator.Operator;
import dev.shoal.parquet.store.ObjectStore;

/**
 * Runs plan fragments. The fragment arrives serialized, as it does over the network: the
 * coordinator and the task never share plan objects.
 */
public final class TaskExecutor {
    private final ObjectStore store;

    public TaskExecutor(ObjectStore store) {
        this.store = store;
    }

    /** Starts a task; the caller pulls its output and must close it. */
    public Task start(byte[] serializedFragment) {
        PlanFragment fragment = PlanCodec.decode(serializedFragment);
        TaskStats stats = new TaskStats();
        Operator root = new OperatorTreeBuilder(store, stats).build(fragment.root());
        return new Task(fragment.queryId() + "." + fragment.fragmentId(), root, stats);
    }

    /** A running task: its output batches, pulled one at a time. */
    public static final class Task implements AutoCloseable {
        private final String id;
        private final Operator root;
        private final TaskStats stats;

        Task(String id, Operator root, TaskStats stats) {
            this.id = id;
            this.root = root;
            this.stats = stats;
        }

        public String id() {
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
