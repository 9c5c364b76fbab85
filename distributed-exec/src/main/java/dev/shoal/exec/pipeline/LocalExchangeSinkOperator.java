package dev.shoal.exec.pipeline;

import dev.shoal.core.batch.Batch;
import dev.shoal.exec.operator.SinkOperator;

import java.util.concurrent.CompletableFuture;

/** The end of a producing pipeline: hands a driver's batches to a {@link LocalExchange}. */
public final class LocalExchangeSinkOperator implements SinkOperator {
    private final LocalExchange exchange;
    private boolean finished;

    public LocalExchangeSinkOperator(LocalExchange exchange) {
        this.exchange = exchange;
    }

    @Override
    public CompletableFuture<Void> isBlocked() {
        return exchange.producerBlocked();
    }

    @Override
    public boolean needsInput() {
        return !finished && !exchange.allConsumersClosed();
    }

    @Override
    public void addInput(Batch batch) {
        exchange.add(batch);
    }

    @Override
    public void finish() {
        if (!finished) {
            finished = true;
            exchange.producerFinished();
        }
    }

    @Override
    public boolean isFinished() {
        return finished || exchange.allConsumersClosed();
    }
}
