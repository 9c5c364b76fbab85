package dev.shoal.exec.task;

import dev.shoal.core.task.OperatorPeak;
import dev.shoal.core.task.TaskDescriptor;
import dev.shoal.core.task.TaskId;
import dev.shoal.core.task.TaskState;
import dev.shoal.core.task.TaskStatus;
import dev.shoal.exec.exchange.FlightErrors;
import dev.shoal.exec.exchange.OutputBuffer;
import dev.shoal.exec.exchange.OutputBufferSource;
import dev.shoal.exec.memory.MemoryPool;
import dev.shoal.exec.memory.OperatorMemory;
import dev.shoal.exec.memory.TaskMemory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tasks a worker runs, their drivers on the worker's one {@link dev.shoal.exec.pipeline.DriverPool}:
 * each task's last pipeline writes into a bounded {@link OutputBuffer} that consumers pull over
 * Flight. A failure is stored in the buffer, so every consumer receives it.
 */
public final class TaskManager implements OutputBufferSource, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TaskManager.class);

    private final String workerId;
    private final TaskExecutor executor;
    private final long maxBufferedBytes;
    private final Map<TaskId, RunningTask> tasks = new ConcurrentHashMap<>();
    private final MemoryPool memory = new MemoryPool();

    public TaskManager(String workerId, TaskExecutor executor, long maxBufferedBytes) {
        this.workerId = workerId;
        this.executor = executor;
        this.maxBufferedBytes = maxBufferedBytes;
        executor.readLocally(workerId, this);
    }

    public void create(TaskDescriptor descriptor) {
        TaskMemory taskMemory = memory.newTask();
        OutputBuffer buffer = new OutputBuffer(descriptor.fragment().root().outputTypes(),
                descriptor.output().partitionCount(), maxBufferedBytes, taskMemory.operator("OutputBuffer"));
        RunningTask task = new RunningTask(descriptor, buffer, taskMemory);
        tasks.put(descriptor.taskId(), task);
        task.start();
    }

    @Override
    public OutputBuffer buffer(TaskId taskId) {
        RunningTask task = tasks.get(taskId);
        return task == null ? null : task.buffer;
    }

    /** Stops every task of the query and frees its buffers. */
    /** Stops and releases the query's tasks; returns what each had done, as it was just before. */
    public List<TaskStatus> cancelQuery(String queryId) {
        List<TaskStatus> released = new ArrayList<>();
        tasks.values().removeIf(task -> {
            if (!task.descriptor.fragment().queryId().equals(queryId)) {
                return false;
            }
            released.add(task.status());
            task.abort();
            return true;
        });
        executor.dynamicFilters().releaseQuery(queryId);
        return released;
    }

    /**
     * Stops every task: their coordinator is gone, and with it the query's root and its state, so
     * nothing they produce can be used (and a write's files would only be swept later).
     */
    public void cancelAll() {
        List<String> queries = tasks.values().stream().map(task -> task.descriptor.fragment().queryId()).distinct().toList();
        queries.forEach(this::cancelQuery);
    }

    public List<TaskStatus> status(String queryId) {
        return tasks.values().stream()
                .filter(task -> task.descriptor.fragment().queryId().equals(queryId))
                .map(RunningTask::status)
                .toList();
    }

    /** Every task this worker holds (running, or ended and not yet released), for system.runtime.tasks. */
    public List<TaskStatus> statusAll() {
        return tasks.values().stream().map(RunningTask::status).toList();
    }

    /** What this worker's tasks hold now (0 once every query it ran is released) and held at most. */
    public MemoryPool memory() {
        return memory;
    }

    public int runningTasks() {
        return (int) tasks.values().stream().filter(task -> task.state == TaskState.RUNNING).count();
    }

    @Override
    public void close() {
        tasks.values().forEach(RunningTask::abort);
        tasks.clear();
    }

    private final class RunningTask {
        private final TaskDescriptor descriptor;
        private final OutputBuffer buffer;
        private final TaskMemory memory;
        private final long startNanos = System.nanoTime();
        private volatile TaskStats stats = new TaskStats();
        private volatile TaskState state = TaskState.RUNNING;
        private volatile long endNanos;
        private volatile TaskExecutor.Running running;

        RunningTask(TaskDescriptor descriptor, OutputBuffer buffer, TaskMemory memory) {
            this.descriptor = descriptor;
            this.buffer = buffer;
            this.memory = memory;
        }

        void start() {
            try {
                running = executor.run(descriptor, memory, buffer);
            } catch (RuntimeException error) {
                ended(error);
                buffer.fail(FlightErrors.asShoal(error));
                memory.closeAllBut(buffer.memory());
                return;
            }
            stats = running.stats();
            running.done().whenComplete((ignored, error) -> ended(error));
        }

        private void ended(Throwable error) {
            endNanos = System.nanoTime();
            if (error == null) {
                state = TaskState.FINISHED;
            } else if (state != TaskState.CANCELED) {
                state = TaskState.FAILED;
                LOG.debug("task {} failed", descriptor.taskId(), error);
            }
        }

        void abort() {
            if (state == TaskState.RUNNING) {
                state = TaskState.CANCELED;
            }
            buffer.abort();
            TaskExecutor.Running task = running;
            if (task != null) {
                task.abort();
            }
        }

        /** Each operator's peak, the drivers' instances of one operator summed (their peaks may not coincide: an upper bound). */
        private List<OperatorPeak> operatorPeaks() {
            Map<String, Long> peaks = new LinkedHashMap<>();
            for (OperatorMemory operator : memory.operators()) {
                if (operator.peakBytes() > 0) {
                    peaks.merge(operator.name(), operator.peakBytes(), Long::sum);
                }
            }
            return peaks.entrySet().stream().map(e -> new OperatorPeak(e.getKey(), e.getValue())).toList();
        }

        TaskStatus status() {
            long end = endNanos == 0 ? System.nanoTime() : endNanos;
            TaskStats s = stats;
            return new TaskStatus(descriptor.taskId(), descriptor.fragment().fragmentId(), workerId, state,
                    s.filesRead().sum(), s.rowsRead().sum(), s.bytesRead().sum(), s.rowGroupsSkipped().sum(), s.rowsDynamicallyFiltered().sum(), s.received().rows().sum(), s.received().bytes().sum(),
                    buffer.rowsSent(), buffer.bytesSent(), buffer.peakBufferedBytes(), (end - startNanos) / 1_000_000,
                    s.splitsCompleted().sum(), memory.peakBytes(), operatorPeaks());
        }
    }
}
