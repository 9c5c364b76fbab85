package dev.shoal.exec.exchange;

import dev.shoal.core.batch.Batch;
import dev.shoal.exec.memory.OperatorMemory;

import java.util.concurrent.CompletableFuture;

/**
 * The sending end of an exchange for one task: its output, by partition of the consuming fragment.
 * Written by all of the task's drivers; {@link OutputBuffer} (drained by consumers over Flight)
 * today, a spooled exchange later.
 */
public interface ExchangeSink {
    int partitionCount();

    /** Adds a batch for a partition; never waits (writers check {@link #isBlocked()} first). */
    void add(int partition, Batch batch);

    /** Completes when the sink has room again. */
    CompletableFuture<Void> isBlocked();

    /** No more batches will be added. */
    void finish();

    /** The task failed: consumers get this error after what is already there. */
    void fail(Throwable error);

    /** What its batches reserve: the sink frees it itself as consumers take them, after its task has ended. */
    OperatorMemory memory();
}
