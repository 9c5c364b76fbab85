package dev.shoal.exec.operator;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.BooleanVector;
import dev.shoal.exec.expression.VectorExpression;

/** Keeps the rows whose predicate is TRUE, gathering them into a dense batch. */
public final class FilterOperator implements Operator {
    private final Operator input;
    private final VectorExpression predicate;

    public FilterOperator(Operator input, VectorExpression predicate) {
        this.input = input;
        this.predicate = predicate;
    }

    @Override
    public Batch next() {
        for (Batch batch = input.next(); batch != null; batch = input.next()) {
            BooleanVector keep = (BooleanVector) predicate.evaluate(batch);
            int rows = batch.rowCount();
            int[] positions = new int[rows];
            int count = 0;
            boolean[] values = keep.values();
            boolean[] nulls = keep.nulls();
            // Branch-free: write every position, advance only past kept ones.
            if (nulls == null) {
                for (int i = 0; i < rows; i++) {
                    positions[count] = i;
                    count += values[i] ? 1 : 0;
                }
            } else {
                for (int i = 0; i < rows; i++) {
                    positions[count] = i;
                    count += values[i] & !nulls[i] ? 1 : 0;
                }
            }
            if (count == batch.rowCount()) {
                return batch;
            }
            if (count > 0) {
                return batch.take(positions, count);
            }
        }
        return null;
    }

    @Override
    public void close() {
        input.close();
    }
}
