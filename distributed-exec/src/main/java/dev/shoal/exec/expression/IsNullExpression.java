package dev.shoal.exec.expression;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.BooleanVector;
import dev.shoal.core.batch.ColumnVector;

/** IS NULL / IS NOT NULL: never NULL itself. */
final class IsNullExpression implements VectorExpression {
    private final VectorExpression input;
    private final boolean negated;

    IsNullExpression(VectorExpression input, boolean negated) {
        this.input = input;
        this.negated = negated;
    }

    @Override
    public ColumnVector evaluate(Batch batch) {
        ColumnVector v = input.evaluate(batch);
        boolean[] out = new boolean[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.isNull(i) != negated;
        }
        return new BooleanVector(out, null, v.size());
    }
}
