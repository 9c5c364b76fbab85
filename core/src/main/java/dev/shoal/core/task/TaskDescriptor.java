package dev.shoal.core.task;

import dev.shoal.core.plan.PlanFragment;

import java.util.List;
import java.util.Map;

/**
 * Everything a worker needs to run one task: the fragment (its scans already holding this task's
 * splits), how to partition its output, where the tasks of each source fragment run, and which
 * partition of their output this task reads ({@code partition}, its index among its fragment's
 * tasks). {@code taskConcurrency} is the most drivers a pipeline of the task gets (the session's
 * task_concurrency), 0 for the worker's own setting.
 */
public record TaskDescriptor(TaskId taskId, PlanFragment fragment, OutputSpec output,
                             Map<Integer, List<TaskLocation>> sources, int partition, int taskConcurrency) {
    public TaskDescriptor {
        sources = Map.copyOf(sources);
    }

    /** A task run with its worker's concurrency. */
    public TaskDescriptor(TaskId taskId, PlanFragment fragment, OutputSpec output, Map<Integer, List<TaskLocation>> sources,
                          int partition) {
        this(taskId, fragment, output, sources, partition, 0);
    }
}
