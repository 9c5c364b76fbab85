package dev.shoal.exec.pipeline;

import dev.shoal.core.batch.Batch;
import dev.shoal.exec.exchange.ExchangeSource;
import dev.shoal.exec.operator.SourceOperator;

import java.util.concurrent.CompletableFuture;

/** The start of a pipeline fed by another fragment: one driver's turns at the task's {@link ExchangeSource}. */
public final class ExchangeSourceOperator implements SourceOperator {
    private final ExchangeSource source;

    public ExchangeSourceOperator(ExchangeSource source) {
        this.source = source;
    }

    @Override
    public CompletableFuture<Void> isBlocked() {
        return source.isBlocked();
    }

    @Override
    public Batch getOutput() {
        return source.poll();
    }

    @Override
    public boolean isFinished() {
        return source.isFinished();
    }
}
