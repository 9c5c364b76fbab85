package dev.shoal.coordinator.lifecycle;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A limit on queries running at once: past it a query waits, QUEUED, first come first served,
 * until one ends (or it is canceled, or its time limit passes); past the queue's length it fails
 * at once with QUERY_QUEUE_FULL, as Trino's resource groups do.
 */
final class Admission {
    private static final long POLL_MILLIS = 50;

    private final int maxRunning;
    private final int maxQueued;
    private final Semaphore slots;
    private final AtomicInteger waiting = new AtomicInteger();

    Admission(int maxRunning, int maxQueued) {
        this.maxRunning = maxRunning;
        this.maxQueued = maxQueued;
        this.slots = new Semaphore(maxRunning, true);
    }

    /** Waits for a slot; the query's cancel (a client's, kill_query's, its time limit's) ends the wait with its reason. */
    void acquire(TrackedQuery query) {
        if (slots.tryAcquire()) {
            return;
        }
        if (waiting.incrementAndGet() > maxQueued) {
            waiting.decrementAndGet();
            throw new ShoalException(ErrorCode.QUERY_QUEUE_FULL, "too many queued queries: " + maxRunning + " are running and "
                    + maxQueued + " waiting, the most this coordinator queues (--max-queued-queries)");
        }
        try {
            while (!slots.tryAcquire(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                query.cancellation().check();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShoalException(ErrorCode.QUERY_CANCELED, "Query was canceled while queued");
        } finally {
            waiting.decrementAndGet();
        }
        try {
            query.cancellation().check();
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
    }

    void release() {
        slots.release();
    }

    int queued() {
        return waiting.get();
    }
}
