package dev.shoal.exec.expression;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.BooleanVector;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.Int128Vector;
import dev.shoal.core.batch.VarcharVector;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.expr.Op;
import dev.shoal.core.type.TypeKind;

/** =, <>, <, <=, >, >= between two vectors of comparable types. */
final class ComparisonExpression implements VectorExpression {
    private final Op op;
    private final VectorExpression left;
    private final VectorExpression right;

    ComparisonExpression(Op op, VectorExpression left, VectorExpression right) {
        this.op = op;
        this.left = left;
        this.right = right;
    }

    @Override
    public ColumnVector evaluate(Batch batch) {
        ColumnVector a = left.evaluate(batch);
        ColumnVector b = right.evaluate(batch);
        int n = batch.rowCount();
        boolean[] out = new boolean[n];
        TypeKind.Storage sa = a.type().storage();
        TypeKind.Storage sb = b.type().storage();
        if (sa == TypeKind.Storage.LONG && sb == TypeKind.Storage.LONG) {
            if (a instanceof Int128Vector || b instanceof Int128Vector || !tryCompareLongs(a, b, out, n)) {
                boolean[] nulls = Nulls.union(a, b);
                for (int i = 0; i < n; i++) {
                    if (!Nulls.isNull(nulls, i)) {
                        out[i] = test(Decimals.bigDecimalAt(a, i).compareTo(Decimals.bigDecimalAt(b, i)));
                    }
                }
            }
        } else if (sa == TypeKind.Storage.BYTES) {
            VarcharVector x = (VarcharVector) a;
            VarcharVector y = (VarcharVector) b;
            for (int i = 0; i < n; i++) {
                out[i] = test(op == Op.EQUAL || op == Op.NOT_EQUAL
                        ? (x.equals(i, y, i) ? 0 : 1) : x.compare(i, y, i));
            }
        } else if (sa == TypeKind.Storage.BOOLEAN) {
            boolean[] x = ((BooleanVector) a).values();
            boolean[] y = ((BooleanVector) b).values();
            for (int i = 0; i < n; i++) {
                out[i] = test(Boolean.compare(x[i], y[i]));
            }
        } else {
            double[] x = NumericInputs.doubles(a);
            double[] y = NumericInputs.doubles(b);
            for (int i = 0; i < n; i++) {
                out[i] = test(Double.compare(x[i], y[i]));
            }
        }
        return new BooleanVector(out, Nulls.union(a, b), n);
    }

    /** Compares at the common scale; false when bringing a side to that scale overflows a long. */
    private boolean tryCompareLongs(ColumnVector a, ColumnVector b, boolean[] out, int n) {
        int scale = Math.max(Decimals.scaleOf(a.type()), Decimals.scaleOf(b.type()));
        long[] x;
        long[] y;
        try {
            x = NumericInputs.longsAtScale(a, scale);
            y = NumericInputs.longsAtScale(b, scale);
        } catch (ShoalException e) {
            if (!Decimals.isOverflow(e)) {
                throw e;
            }
            return false;
        }
        compareLongs(x, y, out, n);
        return true;
    }

    private void compareLongs(long[] x, long[] y, boolean[] out, int n) {
        switch (op) {
            case EQUAL -> { for (int i = 0; i < n; i++) out[i] = x[i] == y[i]; }
            case NOT_EQUAL -> { for (int i = 0; i < n; i++) out[i] = x[i] != y[i]; }
            case LESS_THAN -> { for (int i = 0; i < n; i++) out[i] = x[i] < y[i]; }
            case LESS_THAN_OR_EQUAL -> { for (int i = 0; i < n; i++) out[i] = x[i] <= y[i]; }
            case GREATER_THAN -> { for (int i = 0; i < n; i++) out[i] = x[i] > y[i]; }
            case GREATER_THAN_OR_EQUAL -> { for (int i = 0; i < n; i++) out[i] = x[i] >= y[i]; }
            default -> throw new IllegalStateException(op.name());
        }
    }

    private boolean test(int comparison) {
        return holds(op, comparison);
    }

    /** Whether {@code op} holds for a three-way comparison result (negative, zero, positive). */
    static boolean holds(Op op, int comparison) {
        return switch (op) {
            case EQUAL -> comparison == 0;
            case NOT_EQUAL -> comparison != 0;
            case LESS_THAN -> comparison < 0;
            case LESS_THAN_OR_EQUAL -> comparison <= 0;
            case GREATER_THAN -> comparison > 0;
            case GREATER_THAN_OR_EQUAL -> comparison >= 0;
            default -> throw new IllegalStateException(op.name());
        };
    }
}
