package dev.shoal.exec.expression;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.BooleanVector;
import dev.shoal.core.batch.ColumnVector;

import java.util.Set;

/**
 * value IN (constants): the constants are already in the value's type and representation.
 * A miss is NULL, not FALSE, when the list holds a NULL (SQL's IN semantics).
 */
final class InListExpression implements VectorExpression {
    private final VectorExpression value;
    private final Set<Object> candidates;
    private final boolean listHasNull;

    InListExpression(VectorExpression value, Set<Object> candidates, boolean listHasNull) {
        this.value = value;
        this.candidates = candidates;
        this.listHasNull = listHasNull;
    }

    @Override
    public ColumnVector evaluate(Batch batch) {
        ColumnVector v = value.evaluate(batch);
        int n = v.size();
        boolean[] out = new boolean[n];
        boolean[] nulls = null;
        for (int i = 0; i < n; i++) {
            Object x = v.valueAt(i);
            if (x != null && candidates.contains(x)) {
                out[i] = true;
            } else if (x == null || listHasNull) {
                if (nulls == null) {
                    nulls = new boolean[n];
                }
                nulls[i] = true;
            }
        }
        return new BooleanVector(out, nulls, n);
    }
}
