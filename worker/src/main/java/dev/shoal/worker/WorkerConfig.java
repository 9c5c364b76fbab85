package dev.shoal.worker;

import dev.shoal.exec.pipeline.DriverPool;

/**
 * A worker's settings: its id, where it listens for tasks and exchanges, the coordinator it
 * announces itself to, the heartbeat period, the bound of each task's output buffer, how many
 * drivers each pipeline of a task runs ({@code --task-concurrency}) and how many threads run all
 * drivers ({@code --driver-threads}).
 */
public record WorkerConfig(String workerId, String host, int port, String coordinatorHost, int coordinatorPort,
                           long heartbeatMillis, long outputBufferBytes, int taskConcurrency, int driverThreads) {
    public static final long DEFAULT_HEARTBEAT_MILLIS = 1000;
    public static final long DEFAULT_OUTPUT_BUFFER_BYTES = 32L << 20;

    /** With the defaults: a driver per core, two driver threads per core. */
    public WorkerConfig(String workerId, String host, int port, String coordinatorHost, int coordinatorPort,
                        long heartbeatMillis, long outputBufferBytes) {
        this(workerId, host, port, coordinatorHost, coordinatorPort, heartbeatMillis, outputBufferBytes,
                defaultTaskConcurrency(), DriverPool.defaultThreads());
    }

    public static int defaultTaskConcurrency() {
        return Runtime.getRuntime().availableProcessors();
    }

    public WorkerConfig withConcurrency(int concurrency, int threads) {
        return new WorkerConfig(workerId, host, port, coordinatorHost, coordinatorPort, heartbeatMillis, outputBufferBytes,
                concurrency, threads);
    }
}
