package dev.shoal.worker;

import dev.shoal.exec.task.TaskExecutor;
import dev.shoal.parquet.store.ObjectStore;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A worker: runs the plan fragments it is sent. For now it lives in the coordinator's JVM and is
 * called directly, but it only ever receives serialized fragments, exactly as it will over the
 * network once exchanges arrive.
 */
public final class Worker {
    private final String id;
    private final TaskExecutor executor;
    private final AtomicInteger runningTasks = new AtomicInteger();

    public Worker(String id, ObjectStore store) {
        this.id = id;
        this.executor = new TaskExecutor(store);
    }

    public String id() {
        return id;
    }

    public TaskExecutor.Task startTask(byte[] serializedFragment) {
        TaskExecutor.Task task = executor.start(serializedFragment);
        runningTasks.incrementAndGet();
        return task;
    }

    public void taskFinished() {
        runningTasks.decrementAndGet();
    }

    public int runningTasks() {
        return runningTasks.get();
    }
}
