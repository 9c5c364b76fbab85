package dev.shoal.exec.expression;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.BooleanVector;
import dev.shoal.core.batch.ColumnVector;

/** NOT: NULL stays NULL. */
final class NotExpression implements VectorExpression {
    private final VectorExpression input;

    NotExpression(VectorExpression input) {
        this.input = input;
    }

    @Override
    public ColumnVector evaluate(Batch batch) {
        BooleanVector v = (BooleanVector) input.evaluate(batch);
        boolean[] out = new boolean[v.size()];
        boolean[] values = v.values();
        for (int i = 0; i < out.length; i++) {
            out[i] = !values[i];
        }
        return new BooleanVector(out, v.nulls(), v.size());
    }
}
