package dev.shoal.core.task;

/** Where a task runs and serves its output: the worker's exchange endpoint and the task's id. */
public record TaskLocation(String workerId, String host, int port, TaskId taskId) {
    public String describeWorker() {
        return workerId + " (" + host + ":" + port + ")";
    }
}
