package dev.shoal.coordinator.query;

import dev.shoal.core.batch.Batch;
import dev.shoal.exec.memory.OperatorMemory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A query's result read ahead of its client: a thread of its own pulls batches from the query
 * into a small bounded queue (so a result larger than memory still streams, held back by the
 * client's pace), and each fetch waits a bounded time for rows. A query whose first rows take
 * minutes therefore never holds a client's call for longer than that wait: the client is told
 * "no rows yet, not done" and asks again, as Trino's protocol does with its {@code nextUri}.
 * What is read ahead is reserved in the query's result memory until the client takes it.
 */
public final class ResultStream implements AutoCloseable {
    /** What a stream reads: a running query's result, batch by batch. */
    public interface Source extends AutoCloseable {
        /** A name for the reading thread. */
        String id();

        /** The next batch of at most {@code max} rows; null at the end. Throws the query's failure. */
        Batch nextBatch(int max);

        /** Stops the query, waking a reader blocked in {@link #nextBatch}. */
        @Override
        void close();

        /** Where the batches read ahead of the client are reserved. */
        OperatorMemory resultMemory();
    }

    /** Batches read ahead of the client at most. */
    static final int READ_AHEAD_BATCHES = 8;

    private static final Object END = new Object();

    private final Source query;
    private final BlockingQueue<Object> ready = new ArrayBlockingQueue<>(READ_AHEAD_BATCHES);
    /** The reader thread adds what it queues, fetches take off what they hand out: one lock orders both. */
    private final Object accounting = new Object();
    private long heldBytes;
    private volatile boolean closed;
    /** Why the query was stopped while its result was read: reported at the next fetch, nothing read ahead kept. */
    private volatile RuntimeException stopped;
    /** What the last fetch took but did not hand out (a batch longer than its rows allowed). */
    private Batch leftover;
    private RuntimeException failure;
    private boolean ended;

    private ResultStream(Source query) {
        this.query = query;
    }

    /** Starts reading {@code query} ahead on a daemon thread named after it. */
    public static ResultStream start(Source query) {
        ResultStream stream = new ResultStream(query);
        Thread reader = new Thread(stream::readAhead, "result-" + query.id());
        reader.setDaemon(true);
        reader.start();
        return stream;
    }

    /** What one fetch hands to the client: whole or sliced batches, and whether these were the last rows. */
    public record Chunk(List<Batch> batches, int rows, boolean done) {
    }

    /**
     * Up to {@code maxRows} rows: waits at most {@code maxWaitMillis} for the first batch, then
     * takes only what is ready without waiting. A failure of the query is thrown here, at the fetch
     * that meets it, and again at any later one.
     */
    public synchronized Chunk next(int maxRows, long maxWaitMillis) {
        List<Batch> batches = new ArrayList<>();
        int rows = 0;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxWaitMillis);
        while (rows < maxRows && !ended) {
            if (stopped != null) {
                throw stopped;
            }
            if (failure != null) {
                throw failure;
            }
            Object next = leftover != null ? leftover : (rows == 0 ? poll(deadline) : ready.poll());
            leftover = null;
            if (next == null) {
                break;
            }
            if (next instanceof Batch taken) {
                hold(-taken.retainedBytes());
            }
            if (next == END) {
                ended = true;
            } else if (next instanceof RuntimeException error) {
                // Kept for the next fetch when rows come first: they are handed out, then the failure.
                failure = error;
                if (rows == 0) {
                    throw error;
                }
                break;
            } else {
                Batch batch = (Batch) next;
                int take = Math.min(batch.rowCount(), maxRows - rows);
                if (take < batch.rowCount()) {
                    leftover = batch.slice(take, batch.rowCount() - take);
                    hold(leftover.retainedBytes());
                    batch = batch.slice(0, take);
                }
                batches.add(batch);
                rows += take;
            }
        }
        if (!ended && leftover == null && rows < maxRows && failure == null && ready.peek() == END) {
            // The end is known already: say so with these rows rather than in an empty frame after them.
            ready.poll();
            ended = true;
        }
        return new Chunk(List.copyOf(batches), rows, ended);
    }

    private Object poll(long deadlineNanos) {
        try {
            return ready.poll(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void readAhead() {
        try {
            while (!closed && stopped == null) {
                Batch batch = query.nextBatch(Integer.MAX_VALUE);
                if (batch == null) {
                    offer(END);
                    return;
                }
                if (batch.rowCount() > 0) {
                    // Reserved before it is queued: a fetch may take it off the queue at once.
                    hold(batch.retainedBytes());
                    if (!offer(batch)) {
                        hold(-batch.retainedBytes());
                    }
                }
            }
        } catch (RuntimeException e) {
            offer(e);
        }
    }

    /** Waits for room while the stream is open; false when it closed first: nobody reads what is left. */
    private boolean offer(Object item) {
        try {
            while (!closed && stopped == null) {
                if (ready.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
                // The client has not fetched for a while: the query waits for it, holding no more than the queue.
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private void hold(long deltaBytes) {
        synchronized (accounting) {
            heldBytes = closed || stopped != null ? 0 : heldBytes + deltaBytes;
            query.resultMemory().setBytes(heldBytes);
        }
    }

    /**
     * The query was canceled while its client reads: what was read ahead is let go of at once (the
     * client may never fetch again), and the next fetch reports {@code why}.
     */
    public void stop(RuntimeException why) {
        stopped = why;
        synchronized (accounting) {
            ready.clear();
            heldBytes = 0;
            query.resultMemory().free();
        }
    }

    /** Stops the query (if it still runs) and lets go of what was read ahead. */
    @Override
    public void close() {
        closed = true;
        query.close();
        synchronized (accounting) {
            ready.clear();
            heldBytes = 0;
            query.resultMemory().free();
        }
    }
}
