package dev.shoal.exec.expression;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.ColumnVector;

/** A compiled expression: computes one vector from a batch, a whole batch at a time. */
@FunctionalInterface
public interface VectorExpression {
    ColumnVector evaluate(Batch batch);
}
