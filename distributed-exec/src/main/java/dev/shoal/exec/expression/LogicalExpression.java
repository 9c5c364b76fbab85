package dev.shoal.exec.expression;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.BooleanVector;
import dev.shoal.core.batch.ColumnVector;

import java.util.List;

/** AND / OR over any number of arguments with SQL's three-valued logic. */
final class LogicalExpression implements VectorExpression {
    private final boolean isAnd;
    private final List<VectorExpression> arguments;

    LogicalExpression(boolean isAnd, List<VectorExpression> arguments) {
        this.isAnd = isAnd;
        this.arguments = arguments;
    }

    @Override
    public ColumnVector evaluate(Batch batch) {
        int n = batch.rowCount();
        // AND: false wins, else null wins, else true. OR: true wins, else null wins, else false.
        boolean[] decided = new boolean[n];
        boolean[] unknown = new boolean[n];
        for (VectorExpression argument : arguments) {
            BooleanVector v = (BooleanVector) argument.evaluate(batch);
            boolean[] values = v.values();
            boolean[] nulls = v.nulls();
            for (int i = 0; i < n; i++) {
                if (nulls != null && nulls[i]) {
                    unknown[i] = true;
                } else if (values[i] != isAnd) {
                    decided[i] = true;
                }
            }
        }
        boolean[] out = new boolean[n];
        boolean[] outNulls = null;
        for (int i = 0; i < n; i++) {
            if (decided[i]) {
                out[i] = !isAnd;
            } else if (unknown[i]) {
                if (outNulls == null) {
                    outNulls = new boolean[n];
                }
                outNulls[i] = true;
            } else {
                out[i] = isAnd;
            }
        }
        return new BooleanVector(out, outNulls, n);
    }
}
