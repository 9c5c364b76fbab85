package dev.shoal.worker;

/**
 * A worker's settings: its id, where it listens for tasks and exchanges, the coordinator it
 * announces itself to, the heartbeat period, and the bound of each task's output buffer.
 */
public record WorkerConfig(String workerId, String host, int port, String coordinatorHost, int coordinatorPort,
                           long heartbeatMillis, long outputBufferBytes) {
    public static final long DEFAULT_HEARTBEAT_MILLIS = 1000;
    public static final long DEFAULT_OUTPUT_BUFFER_BYTES = 32L << 20;
}
