package dev.shoal.exec.operator;

import dev.shoal.core.batch.Batch;

/** The last operator of a pipeline: it takes batches and hands them on by other means (a table, an exchange). */
public interface SinkOperator extends Operator {
    @Override
    default Batch getOutput() {
        return null;
    }
}
