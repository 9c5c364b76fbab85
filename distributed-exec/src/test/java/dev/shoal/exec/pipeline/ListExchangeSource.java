package dev.shoal.exec.pipeline;

import dev.shoal.core.batch.Batch;
import dev.shoal.exec.exchange.ExchangeSource;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Test exchange input: the given batches, taken by whichever driver polls first. */
final class ListExchangeSource implements ExchangeSource {
    private final ConcurrentLinkedQueue<Batch> batches;

    ListExchangeSource(List<Batch> batches) {
        this.batches = new ConcurrentLinkedQueue<>(batches);
    }

    @Override
    public Batch poll() {
        return batches.poll();
    }

    @Override
    public CompletableFuture<Void> isBlocked() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean isFinished() {
        return batches.isEmpty();
    }

    @Override
    public void close() {
        batches.clear();
    }
}
