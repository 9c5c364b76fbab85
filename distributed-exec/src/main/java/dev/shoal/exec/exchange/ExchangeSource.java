package dev.shoal.exec.exchange;

import dev.shoal.core.batch.Batch;

import java.util.concurrent.CompletableFuture;

/**
 * The receiving end of an exchange for one task: the batches of its partition from every task of
 * the source fragment. Shared by the drivers of the pipeline it feeds, which poll it without
 * waiting; live Flight streams today ({@link FlightExchangeSource}), a spooled exchange later.
 */
public interface ExchangeSource extends AutoCloseable {
    /** The next batch, or null when none is here now. Throws the source's failure. */
    Batch poll();

    /** Completes when a batch, the end, or a failure is here. */
    CompletableFuture<Void> isBlocked();

    /** Every batch was taken and no more will come. */
    boolean isFinished();

    @Override
    void close();
}
