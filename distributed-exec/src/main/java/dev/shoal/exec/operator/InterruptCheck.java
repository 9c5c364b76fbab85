package dev.shoal.exec.operator;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;

/**
 * Stops its task at the next batch an operator asks for once the task's thread is interrupted (its
 * query canceled or released): a task busy computing, such as an aggregation over a join's output,
 * never blocks where an interrupt would reach it, and ran on to its end after a cancel.
 */
public final class InterruptCheck implements Operator {
    private final Operator input;

    public InterruptCheck(Operator input) {
        this.input = input;
    }

    @Override
    public Batch next() {
        if (Thread.currentThread().isInterrupted()) {
            throw new ShoalException(ErrorCode.QUERY_CANCELED, "the task was canceled");
        }
        return input.next();
    }

    @Override
    public void close() {
        input.close();
    }
}
