package dev.shoal.exec.exchange;

import dev.shoal.core.task.TaskId;

/** Finds the output buffer of a task this process runs, for a consumer's ticket. */
@FunctionalInterface
public interface OutputBufferSource {
    /** The task's buffer, or null when no such task runs here. */
    OutputBuffer buffer(TaskId taskId);
}
