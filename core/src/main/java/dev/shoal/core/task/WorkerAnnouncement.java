package dev.shoal.core.task;

/** A worker saying it is alive, where its exchange endpoint listens, how busy it is, and which Shoal it runs. */
public record WorkerAnnouncement(String workerId, String host, int port, int runningTasks, String version) {
}
