package dev.shoal.exec.expression;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.VectorBuilder;
import dev.shoal.core.type.DataType;

import java.util.List;

/**
 * A scalar function computed value by value, for functions off the hot path (casts, dates,
 * strings). NULL in, NULL out, unless the function handles NULLs itself (COALESCE).
 */
final class RowFunctionExpression implements VectorExpression {
    @FunctionalInterface
    interface RowFunction {
        Object apply(Object[] arguments);
    }

    private final List<VectorExpression> arguments;
    private final RowFunction function;
    private final DataType type;
    private final boolean handlesNulls;

    RowFunctionExpression(List<VectorExpression> arguments, RowFunction function, DataType type, boolean handlesNulls) {
        this.arguments = arguments;
        this.function = function;
        this.type = type;
        this.handlesNulls = handlesNulls;
    }

    @Override
    public ColumnVector evaluate(Batch batch) {
        int n = batch.rowCount();
        ColumnVector[] inputs = new ColumnVector[arguments.size()];
        for (int a = 0; a < inputs.length; a++) {
            inputs[a] = arguments.get(a).evaluate(batch);
        }
        VectorBuilder out = VectorBuilder.create(type, n);
        Object[] values = new Object[inputs.length];
        for (int i = 0; i < n; i++) {
            boolean anyNull = false;
            for (int a = 0; a < inputs.length; a++) {
                values[a] = inputs[a].valueAt(i);
                anyNull |= values[a] == null;
            }
            out.appendValue(anyNull && !handlesNulls ? null : function.apply(values));
        }
        return out.build();
    }
}
