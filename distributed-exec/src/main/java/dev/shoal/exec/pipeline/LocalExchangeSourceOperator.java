package dev.shoal.exec.pipeline;

import dev.shoal.core.batch.Batch;
import dev.shoal.exec.operator.SourceOperator;

import java.util.concurrent.CompletableFuture;

/** The start of a consuming pipeline: one driver's share of a {@link LocalExchange}. */
public final class LocalExchangeSourceOperator implements SourceOperator {
    private final LocalExchange exchange;
    private final int consumer;

    public LocalExchangeSourceOperator(LocalExchange exchange, int consumer) {
        this.exchange = exchange;
        this.consumer = consumer;
    }

    @Override
    public CompletableFuture<Void> isBlocked() {
        return exchange.consumerBlocked(consumer);
    }

    @Override
    public Batch getOutput() {
        return exchange.poll(consumer);
    }

    @Override
    public boolean isFinished() {
        return exchange.consumerFinished(consumer);
    }

    @Override
    public void close() {
        exchange.consumerClosed(consumer);
    }
}
