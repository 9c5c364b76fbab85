package dev.shoal.core.task;

/** A worker saying it is alive, where its exchange endpoint listens, and how busy it is. */
public record WorkerAnnouncement(String workerId, String host, int port, int runningTasks) {
}
