package dev.shoal.exec.pipeline;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The drivers of one task on a {@link DriverPool}: each runs a quantum at a time until it is
 * finished; the task is done when all are. A failure in one driver stops the others (each closes
 * its operators at its next turn), as does {@link #abort()}.
 */
public final class PipelineTask {
    private final DriverPool pool;
    private final List<Runner> runners = new ArrayList<>();
    private final AtomicInteger running = new AtomicInteger();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    /** Drivers waiting on a blocked future: an abort wakes them so that they close at once. */
    private final Set<Runner> parked = ConcurrentHashMap.newKeySet();
    private volatile Throwable failure;
    private volatile boolean aborted;

    public PipelineTask(DriverPool pool) {
        this.pool = pool;
    }

    /** Adds a driver; drivers run once {@link #start()} is called. */
    public void add(Driver driver) {
        runners.add(new Runner(driver));
    }

    public void start() {
        running.set(runners.size());
        if (runners.isEmpty()) {
            done.complete(null);
        }
        runners.forEach(pool::execute);
    }

    /** Completes when every driver has closed: normally, or with the task's failure. */
    public CompletableFuture<Void> done() {
        return done;
    }

    /** The first failure of any driver, or null. */
    public Throwable failure() {
        return failure;
    }

    /** Stops every driver at its next turn (a blocked one is woken for it). */
    public void abort() {
        aborted = true;
        wakeParked();
    }

    public boolean stopped() {
        return aborted || failure != null;
    }

    private void fail(Throwable error) {
        synchronized (this) {
            if (failure == null) {
                failure = error;
            }
        }
        wakeParked();
    }

    private void wakeParked() {
        for (Runner runner : List.copyOf(parked)) {
            if (parked.remove(runner)) {
                pool.execute(runner);
            }
        }
    }

    private void driverClosed() {
        if (running.decrementAndGet() == 0) {
            Throwable error = failure;
            if (error != null) {
                done.completeExceptionally(error);
            } else if (aborted) {
                done.completeExceptionally(new ShoalException(ErrorCode.QUERY_CANCELED, "the task was canceled"));
            } else {
                done.complete(null);
            }
        }
    }

    /** One driver's turns on the pool. */
    private final class Runner implements Runnable {
        private final Driver driver;

        Runner(Driver driver) {
            this.driver = driver;
        }

        @Override
        public void run() {
            CompletableFuture<Void> blocked;
            try {
                if (stopped()) {
                    close();
                    return;
                }
                blocked = driver.process(DriverPool.QUANTUM_NANOS);
                if (driver.isFinished() || stopped()) {
                    close();
                    return;
                }
            } catch (Throwable error) {
                fail(error);
                close();
                return;
            }
            if (blocked.isDone()) {
                pool.execute(this);
                return;
            }
            parked.add(this);
            blocked.whenComplete((ignored, error) -> {
                if (parked.remove(this)) {
                    pool.execute(this);
                }
            });
            if (stopped() && parked.remove(this)) {
                // Stopped while parking: the wake-up may have missed it.
                pool.execute(this);
            }
        }

        private void close() {
            try {
                driver.close();
            } catch (Throwable error) {
                if (failure == null && !aborted) {
                    fail(error);
                }
            } finally {
                driverClosed();
            }
        }
    }
}
