package dev.shoal.exec.operator;

import dev.shoal.core.batch.Batch;

/**
 * A physical operator: pulls batches from its inputs and produces batches. {@link #next()}
 * returns {@code null} once the operator is finished. {@link #close()} frees what it holds and
 * closes its inputs, whether or not it finished.
 */
public interface Operator extends AutoCloseable {
    Batch next();

    @Override
    void close();
}
