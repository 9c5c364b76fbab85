package dev.shoal.exec.exchange;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.type.DataType;
import dev.shoal.exec.memory.OperatorMemory;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

/**
 * A task's output, waiting for its consumers: one queue per partition (one per consuming task).
 * Bounded in bytes: past the bound it is blocked, and the task's drivers writing to it give their
 * threads back until consumers take batches, so a slow consumer slows its producer instead of
 * filling memory. Consumers pull.
 */
public final class OutputBuffer implements ExchangeSink {
    /** How long a reader waits in {@link #poll} before it checks whether its consumer is still there. */
    public static final long POLL_MILLIS = 100;

    private final List<DataType> types;
    private final long maxBufferedBytes;
    private final ArrayDeque<Batch>[] queues;
    private final ArrayDeque<Long>[] sizes;
    private final LongAdder[] rowsOut;
    private final LongAdder[] bytesOut;
    private long bufferedBytes;
    private long peakBufferedBytes;
    private boolean finished;
    private boolean aborted;
    private Throwable failure;
    /** Pending while the buffer is over its bound; completed when consumers make room. */
    private CompletableFuture<Void> space = CompletableFuture.completedFuture(null);
    /** What the queued batches hold (their estimated size, which the bound counts too). */
    private final OperatorMemory memory;

    @SuppressWarnings("unchecked")
    public OutputBuffer(List<DataType> types, int partitions, long maxBufferedBytes, OperatorMemory memory) {
        this.types = List.copyOf(types);
        this.memory = memory;
        this.maxBufferedBytes = maxBufferedBytes;
        this.queues = new ArrayDeque[partitions];
        this.sizes = new ArrayDeque[partitions];
        this.rowsOut = new LongAdder[partitions];
        this.bytesOut = new LongAdder[partitions];
        for (int p = 0; p < partitions; p++) {
            queues[p] = new ArrayDeque<>();
            sizes[p] = new ArrayDeque<>();
            rowsOut[p] = new LongAdder();
            bytesOut[p] = new LongAdder();
        }
    }

    /** Where it states what its queued batches hold. */
    @Override
    public OperatorMemory memory() {
        return memory;
    }

    public List<DataType> types() {
        return types;
    }

    @Override
    public int partitionCount() {
        return queues.length;
    }

    /** Adds a batch for one partition; past the bound, {@link #isBlocked()} holds its writers back. */
    @Override
    public synchronized void add(int partition, Batch batch) {
        long bytes = ArrowBatches.estimatedBytes(batch);
        if (aborted) {
            throw new ShoalException(ErrorCode.QUERY_CANCELED, "the task was canceled");
        }
        queues[partition].add(batch);
        sizes[partition].add(bytes);
        bufferedBytes += bytes;
        memory.setBytes(bufferedBytes);
        peakBufferedBytes = Math.max(peakBufferedBytes, bufferedBytes);
        if (bufferedBytes >= maxBufferedBytes && space.isDone()) {
            space = new CompletableFuture<>();
        }
        notifyAll();
    }

    @Override
    public synchronized CompletableFuture<Void> isBlocked() {
        return space;
    }

    /** Wakes writers waiting for room: after a poll that made room, or once the buffer ends. */
    private void makeRoom() {
        if (!space.isDone() && (bufferedBytes < maxBufferedBytes || aborted || finished)) {
            space.complete(null);
        }
    }

    /** No more batches will be added. */
    @Override
    public synchronized void finish() {
        finished = true;
        makeRoom();
        notifyAll();
    }

    /** The task failed: consumers get this error after the batches already buffered. */
    @Override
    public synchronized void fail(Throwable error) {
        if (failure == null) {
            failure = error;
        }
        finished = true;
        makeRoom();
        notifyAll();
    }

    /** Drops everything buffered and wakes a waiting producer: the query is over. */
    public synchronized void abort() {
        aborted = true;
        finished = true;
        for (int p = 0; p < queues.length; p++) {
            queues[p].clear();
            sizes[p].clear();
        }
        bufferedBytes = 0;
        memory.free();
        makeRoom();
        notifyAll();
    }

    /**
     * The next batch of a partition, waiting up to {@code timeoutMillis}. Returns null when there
     * is none yet; {@link #isDrained} says whether none will ever come. Throws the task's failure.
     */
    public synchronized Batch poll(int partition, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (queues[partition].isEmpty() && !finished) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return null;
            }
            wait(left);
        }
        Batch batch = queues[partition].poll();
        if (batch == null) {
            if (failure != null) {
                throw failure instanceof ShoalException shoal ? shoal
                        : new ShoalException(ErrorCode.INTERNAL_ERROR, String.valueOf(failure.getMessage()), failure);
            }
            if (aborted) {
                throw new ShoalException(ErrorCode.QUERY_CANCELED, "the task was canceled");
            }
            return null;
        }
        bufferedBytes -= sizes[partition].poll();
        memory.setBytes(bufferedBytes);
        makeRoom();
        notifyAll();
        return batch;
    }

    public synchronized boolean isDrained(int partition) {
        return finished && queues[partition].isEmpty() && failure == null;
    }

    /** Counts what went over the wire for a partition. */
    public void recordSent(int partition, long rows, long bytes) {
        rowsOut[partition].add(rows);
        bytesOut[partition].add(bytes);
    }

    public long rowsSent() {
        long rows = 0;
        for (LongAdder adder : rowsOut) {
            rows += adder.sum();
        }
        return rows;
    }

    public long bytesSent() {
        long bytes = 0;
        for (LongAdder adder : bytesOut) {
            bytes += adder.sum();
        }
        return bytes;
    }

    public synchronized long peakBufferedBytes() {
        return peakBufferedBytes;
    }

    public long maxBufferedBytes() {
        return maxBufferedBytes;
    }
}
