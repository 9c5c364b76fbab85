package dev.shoal.exec.operator;

import dev.shoal.core.batch.Batch;

/** The first operator of a pipeline: it produces batches and takes none. */
public interface SourceOperator extends Operator {
    @Override
    default boolean needsInput() {
        return false;
    }

    @Override
    default void addInput(Batch batch) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " is a source and takes no input");
    }

    @Override
    default void finish() {
        // A source ends when its input ends; the driver finishes it by closing it.
    }
}
