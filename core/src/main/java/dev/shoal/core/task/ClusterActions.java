package dev.shoal.core.task;

/** Names of the control calls between coordinator and workers (Flight actions, JSON bodies). */
public final class ClusterActions {
    /** Worker → coordinator: a {@link WorkerAnnouncement}, sent at start and as the heartbeat. */
    public static final String ANNOUNCE = "worker.announce";
    /** Coordinator → worker: a {@link TaskDescriptor} to run. */
    public static final String CREATE_TASK = "task.create";
    /**
     * Coordinator → worker: a query id; every task of that query stops and frees its buffers. The
     * answer is the list of those tasks' {@link TaskStatus} as they were (a finished query's final figures).
     */
    public static final String CANCEL_QUERY = "query.cancel";
    /** Coordinator → worker: a query id; the answer is the list of its tasks' {@link TaskStatus}. */
    public static final String QUERY_STATUS = "query.status";
    /** Coordinator → worker: no body; the answer is the {@link TaskStatus} of every task the worker holds. */
    public static final String ALL_TASKS_STATUS = "tasks.status";

    private ClusterActions() {
    }
}
