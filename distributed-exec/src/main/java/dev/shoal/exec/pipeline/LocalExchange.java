package dev.shoal.exec.pipeline;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.exec.exchange.RowHasher;
import dev.shoal.exec.memory.OperatorMemory;

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
    private static final CompletableFuture<Void> NOT_BLOCKED = CompletableFuture.completedFuture(null);

    private final List<Integer> hashKeys;
    private final ArrayDeque<Batch>[] queues;
    private final CompletableFuture<Void>[] arrived;
    private final boolean[] consumerClosed;
    private final OperatorMemory memory;
    private CompletableFuture<Void> space = NOT_BLOCKED;
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

    synchronized void add(Batch batch) {
        if (consumersOpen == 0) {
            return;
        }
        if (hashKeys == null || queues.length == 1) {
            // Round robin over open consumers.
            do {
                nextConsumer = (nextConsumer + 1) % queues.length;
            } while (consumerClosed[nextConsumer]);
            enqueue(nextConsumer, batch);
        } else {
            addHashed(batch);
        }
        if (bufferedBytes >= MAX_BUFFERED_BYTES && space.isDone()) {
            space = new CompletableFuture<>();
        }
    }

    private void addHashed(Batch batch) {
        ColumnVector[] keys = new ColumnVector[hashKeys.size()];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = batch.column(hashKeys.get(k));
        }
        int rows = batch.rowCount();
        int[] target = RowHasher.partitions(keys, rows, queues.length, RowHasher.LOCAL_SEED);
        int[] counts = new int[queues.length];
        for (int i = 0; i < rows; i++) {
            counts[target[i]]++;
        }
        for (int c = 0; c < queues.length; c++) {
            if (counts[c] == 0) {
                continue;
            }
            int[] positions = new int[counts[c]];
            int n = 0;
            for (int i = 0; i < rows; i++) {
                if (target[i] == c) {
                    positions[n++] = i;
                }
            }
            enqueue(c, n == rows ? batch : batch.take(positions, n));
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
        return queues[consumer].isEmpty() && producersLeft > 0 ? arrived[consumer] : NOT_BLOCKED;
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
