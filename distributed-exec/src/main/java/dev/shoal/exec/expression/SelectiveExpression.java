package dev.shoal.exec.expression;

import dev.shoal.core.batch.Batch;

/**
 * A predicate that can narrow a selection of rows, looking only at the rows still selected: a
 * filter's later conjuncts then cost in proportion to what the earlier ones kept.
 */
public interface SelectiveExpression extends VectorExpression {
    /** Keeps, of the ascending {@code positions[0, count)}, those where this predicate is TRUE; returns how many. */
    int select(Batch batch, int[] positions, int count);
}
