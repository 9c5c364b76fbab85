package dev.shoal.core.task;

/**
 * A worker saying it is alive, where its exchange endpoint listens, how busy it is (tasks, and the
 * bytes its tasks' operators hold), and which Shoal it runs.
 */
public record WorkerAnnouncement(String workerId, String host, int port, int runningTasks, long reservedMemoryBytes, String version) {
}
