package dev.shoal.exec.pipeline;

import dev.shoal.core.batch.Batch;
import dev.shoal.exec.exchange.RowHasher;
import dev.shoal.exec.memory.OperatorMemory;
import dev.shoal.exec.operator.Operator;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Moves batches between two pipelines of a task: from every driver of the one before (the
 * producers) to the drivers of the one after (the consumers), hashed on keys (an aggregation's
 * groups, a window's partitions: each consumer then holds whole groups) or spread batch by batch.
 * Bounded: past {@link #MAX_BUFFERED_BYTES} producers are blocked until consumers take batches.
 * Once every consumer is closed (a LIMIT above them has its rows) the producers are finished.
 */
public final class LocalExchange {
    static final long MAX_BUFFERED_BYTES = 32L << 20;

    private final List<Integer> hashKeys;
    private final ArrayDeque<Batch>[] queues;
    private final CompletableFuture<Void>[] arrived;
    private final boolean[] consumerClosed;
    private final OperatorMemory memory;
    private CompletableFuture<Void> space = Operator.NOT_BLOCKED;
    private int producersLeft;
    private int consumersOpen;
    private int nextConsumer;
    private long bufferedBytes;

    /** {@code hashKeys}: the columns whose values choose a batch row's consumer; null to spread whole batches. */
    @SuppressWarnings("unchecked")
    public LocalExchange(int producers, int consumers, List<Integer> hashKeys, OperatorMemory memory) {
        this.hashKeys = hashKeys;
        this.memory = memory;
        this.producersLeft = producers;
        this.consumersOpen = consumers;
        this.queues = new ArrayDeque[consumers];
        this.arrived = new CompletableFuture[consumers];
        this.consumerClosed = new boolean[consumers];
        for (int c = 0; c < consumers; c++) {
            queues[c] = new ArrayDeque<>();
            arrived[c] = new CompletableFuture<>();
        }
    }

    public int consumers() {
        return queues.length;
    }

    /** Hashes the batch's rows to their consumers (outside the lock: producers hash at once), then queues them. */
    void add(Batch batch) {
        if (hashKeys == null || queues.length == 1) {
            addWhole(batch);
            return;
        }
        Batch[] parts = RowHasher.split(batch, hashKeys, queues.length, RowHasher.LOCAL_SEED);
        synchronized (this) {
            for (int c = 0; c < parts.length; c++) {
                if (parts[c] != null) {
                    enqueue(c, parts[c]);
                }
            }
            holdProducersWhenFull();
        }
    }

    /** A whole batch to the next open consumer, round robin. */
    private synchronized void addWhole(Batch batch) {
        if (consumersOpen == 0) {
            return;
        }
        do {
            nextConsumer = (nextConsumer + 1) % queues.length;
        } while (consumerClosed[nextConsumer]);
        enqueue(nextConsumer, batch);
        holdProducersWhenFull();
    }

    private void holdProducersWhenFull() {
        if (bufferedBytes >= MAX_BUFFERED_BYTES && space.isDone()) {
            space = new CompletableFuture<>();
        }
    }

    private void enqueue(int consumer, Batch batch) {
        if (consumerClosed[consumer]) {
            return;
        }
        queues[consumer].add(batch);
        bufferedBytes += batch.retainedBytes();
        memory.setBytes(bufferedBytes);
        arrived[consumer].complete(null);
    }

    synchronized CompletableFuture<Void> producerBlocked() {
        return space;
    }

    synchronized void producerFinished() {
        producersLeft--;
        if (producersLeft == 0) {
            for (CompletableFuture<Void> future : arrived) {
                future.complete(null);
            }
        }
    }

    /** No consumer will take anything more: producers may stop. */
    synchronized boolean allConsumersClosed() {
        return consumersOpen == 0;
    }

    synchronized Batch poll(int consumer) {
        Batch batch = queues[consumer].poll();
        if (batch == null) {
            if (producersLeft > 0 && arrived[consumer].isDone()) {
                arrived[consumer] = new CompletableFuture<>();
            }
            return null;
        }
        bufferedBytes -= batch.retainedBytes();
        memory.setBytes(bufferedBytes);
        if (bufferedBytes < MAX_BUFFERED_BYTES) {
            space.complete(null);
        }
        return batch;
    }

    synchronized CompletableFuture<Void> consumerBlocked(int consumer) {
        return queues[consumer].isEmpty() && producersLeft > 0 ? arrived[consumer] : Operator.NOT_BLOCKED;
    }

    synchronized boolean consumerFinished(int consumer) {
        return producersLeft == 0 && queues[consumer].isEmpty();
    }

    synchronized void consumerClosed(int consumer) {
        if (consumerClosed[consumer]) {
            return;
        }
        consumerClosed[consumer] = true;
        consumersOpen--;
        for (Batch batch : queues[consumer]) {
            bufferedBytes -= batch.retainedBytes();
        }
        queues[consumer].clear();
        memory.setBytes(bufferedBytes);
        if (bufferedBytes < MAX_BUFFERED_BYTES || consumersOpen == 0) {
            space.complete(null);
        }
    }
}
