package dev.shoal.exec.operator;

import dev.shoal.core.batch.Batch;

import java.util.concurrent.CompletableFuture;

/**
 * A push operator, as Trino's: a {@link dev.shoal.exec.pipeline.Driver} moves batches from each
 * operator's {@link #getOutput()} into the next one's {@link #addInput}, and calls {@link #finish()}
 * once an operator's input has ended. An operator that cannot go on (waiting for exchange input, a
 * join's build side, space in an output buffer) returns a pending future from {@link #isBlocked()},
 * and the driver gives its thread back until it completes.
 */
public interface Operator extends AutoCloseable {
    CompletableFuture<Void> NOT_BLOCKED = CompletableFuture.completedFuture(null);

    /** A future that completes when the operator can make progress again. */
    default CompletableFuture<Void> isBlocked() {
        return NOT_BLOCKED;
    }

    /** Whether {@link #addInput} may be called now. A source never takes input. */
    boolean needsInput();

    void addInput(Batch batch);

    /** The next output batch, or null when there is none now. */
    Batch getOutput();

    /** No more input will come. */
    void finish();

    /** No more output will come. */
    boolean isFinished();

    /** Frees what the operator holds, whether or not it finished. */
    @Override
    default void close() {
    }
}
