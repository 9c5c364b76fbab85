package dev.shoal.exec.pipeline;

import dev.shoal.exec.exchange.Threads;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The threads that run every driver of a process's tasks: a fixed number, however many tasks and
 * drivers there are. A driver runs for a quantum at most and then goes to the back of the queue;
 * a blocked driver holds no thread until its future completes. Beside them, the threads that do
 * the fetches drivers start and do not wait on (a scan's next row group): as many as are under way,
 * which each driver bounds to one row group.
 */
public final class DriverPool implements AutoCloseable {
    /** As Trino's: long enough to amortize the switch, short enough to share threads among queries. */
    static final long QUANTUM_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final ExecutorService threads;
    private final ExecutorService fetches = Executors.newCachedThreadPool(Threads.daemon("shoal-fetch"));
    private final int size;

    public DriverPool(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("a driver pool needs at least one thread, not " + threads);
        }
        this.size = threads;
        this.threads = Executors.newFixedThreadPool(threads, Threads.daemon("shoal-driver"));
    }

    /** The default size: two threads a core, so that a driver waiting on storage leaves a core to another. */
    public static int defaultThreads() {
        return 2 * Runtime.getRuntime().availableProcessors();
    }

    public int size() {
        return size;
    }

    /** Where a driver's operators fetch ahead of what they read. */
    public Executor fetches() {
        return fetches;
    }

    void execute(Runnable quantum) {
        try {
            threads.execute(quantum);
        } catch (RejectedExecutionException e) {
            // The process is shutting down: its tasks go with it.
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
        fetches.shutdownNow();
    }
}
