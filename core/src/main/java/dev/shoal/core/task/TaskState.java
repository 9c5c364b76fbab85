package dev.shoal.core.task;

/** Where a task is in its life: running, or done one of three ways. */
public enum TaskState {
    RUNNING, FINISHED, FAILED, CANCELED;

    public boolean isDone() {
        return this != RUNNING;
    }
}
