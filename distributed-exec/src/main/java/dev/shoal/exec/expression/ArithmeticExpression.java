package dev.shoal.exec.expression;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.DoubleVector;
import dev.shoal.core.batch.Int128Vector;
import dev.shoal.core.batch.LongVector;
import dev.shoal.core.batch.VectorBuilder;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.expr.Op;
import dev.shoal.core.type.DataType;
import dev.shoal.core.type.TypeKind;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * +, -, *, /, % on two vectors. Exact types compute on unscaled longs at the result's scale
 * (the planner chose it by SQL's rules), falling back to BigDecimal for a batch of a decimal over
 * 18 digits whose values overflow a long; DOUBLE computes in doubles. Integer division truncates,
 * decimal division rounds half up, as in Trino.
 */
final class ArithmeticExpression implements VectorExpression {
    private final Op op;
    private final VectorExpression left;
    private final VectorExpression right;
    private final DataType type;

    ArithmeticExpression(Op op, VectorExpression left, VectorExpression right, DataType type) {
        this.op = op;
        this.left = left;
        this.right = right;
        this.type = type;
    }

    @Override
    public ColumnVector evaluate(Batch batch) {
        ColumnVector a = left.evaluate(batch);
        ColumnVector b = right.evaluate(batch);
        boolean[] nulls = Nulls.union(a, b);
        int n = batch.rowCount();
        if (type.storage() == TypeKind.Storage.DOUBLE) {
            return new DoubleVector(doubles(NumericInputs.doubles(a), NumericInputs.doubles(b), n), nulls, n);
        }
        if (a instanceof Int128Vector || b instanceof Int128Vector) {
            return exact(a, b, nulls, n);
        }
        try {
            return new LongVector(type, longs(a, b, nulls, n), nulls, n);
        } catch (ShoalException e) {
            if (!type.isWideDecimal() || !Decimals.isOverflow(e)) {
                throw e;
            }
            // A value of this batch needs more than 64 bits: compute the batch again, exactly.
            return exact(a, b, nulls, n);
        }
    }

    /** The slow path for decimals wider than a long: BigDecimal per row, rounded half up to the result's scale. */
    private ColumnVector exact(ColumnVector a, ColumnVector b, boolean[] nulls, int n) {
        VectorBuilder out = VectorBuilder.create(type, n);
        int scale = Decimals.scaleOf(type);
        for (int i = 0; i < n; i++) {
            if (Nulls.isNull(nulls, i)) {
                out.appendNull();
                continue;
            }
            BigDecimal x = Decimals.bigDecimalAt(a, i);
            BigDecimal y = Decimals.bigDecimalAt(b, i);
            if ((op == Op.DIVIDE || op == Op.MODULO) && y.signum() == 0) {
                throw new ShoalException(ErrorCode.DIVISION_BY_ZERO, "division by zero");
            }
            BigDecimal result = switch (op) {
                case ADD -> x.add(y);
                case SUBTRACT -> x.subtract(y);
                case MULTIPLY -> x.multiply(y);
                case DIVIDE -> x.divide(y, scale, RoundingMode.HALF_UP);
                case MODULO -> x.remainder(y);
                default -> throw new IllegalStateException(op.name());
            };
            out.appendValue(Decimals.unscaledOf(result, type));
        }
        return out.build();
    }

    private double[] doubles(double[] x, double[] y, int n) {
        double[] out = new double[n];
        switch (op) {
            case ADD -> { for (int i = 0; i < n; i++) out[i] = x[i] + y[i]; }
            case SUBTRACT -> { for (int i = 0; i < n; i++) out[i] = x[i] - y[i]; }
            case MULTIPLY -> { for (int i = 0; i < n; i++) out[i] = x[i] * y[i]; }
            case DIVIDE -> { for (int i = 0; i < n; i++) out[i] = x[i] / y[i]; }
            case MODULO -> { for (int i = 0; i < n; i++) out[i] = x[i] % y[i]; }
            default -> throw new IllegalStateException(op.name());
        }
        return out;
    }

    private long[] longs(ColumnVector a, ColumnVector b, boolean[] nulls, int n) {
        int scale = Decimals.scaleOf(type);
        long[] out = new long[n];
        switch (op) {
            case ADD, SUBTRACT -> {
                long[] x = NumericInputs.longsAtScale(a, scale);
                long[] y = NumericInputs.longsAtScale(b, scale);
                boolean add = op == Op.ADD;
                for (int i = 0; i < n; i++) {
                    out[i] = add ? Decimals.add(x[i], y[i]) : Decimals.subtract(x[i], y[i]);
                }
            }
            case MULTIPLY -> {
                long[] x = ((LongVector) a).values();
                long[] y = ((LongVector) b).values();
                int productScale = Decimals.scaleOf(a.type()) + Decimals.scaleOf(b.type());
                for (int i = 0; i < n; i++) {
                    out[i] = Decimals.rescale(Decimals.multiply(x[i], y[i]), productScale, scale);
                }
            }
            case DIVIDE -> {
                long[] x = ((LongVector) a).values();
                long[] y = ((LongVector) b).values();
                int aScale = Decimals.scaleOf(a.type());
                int bScale = Decimals.scaleOf(b.type());
                boolean decimal = type.kind() == TypeKind.DECIMAL;
                for (int i = 0; i < n; i++) {
                    if (Nulls.isNull(nulls, i)) {
                        continue;
                    }
                    if (decimal || aScale != 0 || bScale != 0) {
                        out[i] = Decimals.divide(x[i], aScale, y[i], bScale, scale);
                    } else if (y[i] == 0) {
                        throw new ShoalException(ErrorCode.DIVISION_BY_ZERO, "division by zero");
                    } else {
                        out[i] = x[i] / y[i];
                    }
                }
            }
            case MODULO -> {
                long[] x = NumericInputs.longsAtScale(a, scale);
                long[] y = NumericInputs.longsAtScale(b, scale);
                for (int i = 0; i < n; i++) {
                    if (Nulls.isNull(nulls, i)) {
                        continue;
                    }
                    if (y[i] == 0) {
                        throw new ShoalException(ErrorCode.DIVISION_BY_ZERO, "division by zero");
                    }
                    out[i] = x[i] % y[i];
                }
            }
            default -> throw new IllegalStateException(op.name());
        }
        return out;
    }
}
