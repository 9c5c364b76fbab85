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
            int[] positions = new int[batch.rowCount()];
            int count = 0;
            for (int i = 0; i < batch.rowCount(); i++) {
                if (keep.isTrue(i)) {
                    positions[count++] = i;
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
