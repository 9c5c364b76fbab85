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
        // The loops are branch-free: with a predicate true for half the rows, branches mispredict.
        boolean[] decided = new boolean[n];
        boolean[] unknown = null;
        for (VectorExpression argument : arguments) {
            BooleanVector v = (BooleanVector) argument.evaluate(batch);
            boolean[] values = v.values();
            boolean[] nulls = v.nulls();
            if (nulls == null) {
                if (isAnd) {
                    for (int i = 0; i < n; i++) {
                        decided[i] |= !values[i];
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        decided[i] |= values[i];
                    }
                }
            } else {
                if (unknown == null) {
                    unknown = new boolean[n];
                }
                for (int i = 0; i < n; i++) {
                    unknown[i] |= nulls[i];
                    decided[i] |= !nulls[i] & (values[i] != isAnd);
                }
            }
        }
        boolean[] out = new boolean[n];
        if (unknown == null) {
            for (int i = 0; i < n; i++) {
                out[i] = decided[i] != isAnd;
            }
            return new BooleanVector(out, null, n);
        }
        boolean[] outNulls = new boolean[n];
        boolean anyNull = false;
        for (int i = 0; i < n; i++) {
            boolean isNull = !decided[i] & unknown[i];
            outNulls[i] = isNull;
            anyNull |= isNull;
            out[i] = decided[i] ? !isAnd : isAnd & !isNull;
        }
        return new BooleanVector(out, anyNull ? outNulls : null, n);
    }
}
