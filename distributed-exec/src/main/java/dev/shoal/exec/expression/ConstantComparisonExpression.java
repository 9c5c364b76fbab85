package dev.shoal.exec.expression;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.BooleanVector;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.DoubleVector;
import dev.shoal.core.batch.LongVector;
import dev.shoal.core.batch.VarcharVector;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.expr.Literal;
import dev.shoal.core.expr.Op;
import dev.shoal.core.type.DataType;
import dev.shoal.core.type.TypeKind;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@code column <op> constant}, the common filter shape (l_shipmode = 'AIR', l_quantity < 24):
 * compares each value with the constant directly, without building a vector of copies of it.
 * {@link #tryCreate} declines the shapes it does not cover; the general comparison takes those.
 */
final class ConstantComparisonExpression implements SelectiveExpression {
    private final Op op;
    private final VectorExpression column;
    private final byte[] bytes;
    private final long longValue;
    private final double doubleValue;
    private final TypeKind.Storage storage;

    private ConstantComparisonExpression(Op op, VectorExpression column, TypeKind.Storage storage, byte[] bytes,
                                         long longValue, double doubleValue) {
        this.op = op;
        this.column = column;
        this.storage = storage;
        this.bytes = bytes;
        this.longValue = longValue;
        this.doubleValue = doubleValue;
    }

    /** {@code columnType <op> literal}, or null when the general comparison must handle it. */
    static VectorExpression tryCreate(Op op, VectorExpression column, DataType columnType, Literal literal) {
        if (literal.value() == null) {
            return null;
        }
        DataType literalType = literal.type();
        if (columnType.storage() == TypeKind.Storage.BYTES && literalType.storage() == TypeKind.Storage.BYTES) {
            return new ConstantComparisonExpression(op, column, TypeKind.Storage.BYTES,
                    ((String) literal.value()).getBytes(StandardCharsets.UTF_8), 0, 0);
        }
        if (columnType.storage() == TypeKind.Storage.DOUBLE && literalType.storage() == TypeKind.Storage.DOUBLE) {
            return new ConstantComparisonExpression(op, column, TypeKind.Storage.DOUBLE, null, 0, (Double) literal.value());
        }
        if (columnType.storage() == TypeKind.Storage.LONG && literalType.storage() == TypeKind.Storage.LONG
                && !columnType.isWideDecimal() && literal.value() instanceof Long value
                && Decimals.scaleOf(literalType) <= Decimals.scaleOf(columnType)) {
            try {
                long atColumnScale = Decimals.rescale(value, Decimals.scaleOf(literalType), Decimals.scaleOf(columnType));
                return new ConstantComparisonExpression(op, column, TypeKind.Storage.LONG, null, atColumnScale, 0);
            } catch (ShoalException overflow) {
                return null;
            }
        }
        return null;
    }

    /** The operator seen from the other side: {@code 5 < x} is {@code x > 5}. */
    static Op flipped(Op op) {
        return switch (op) {
            case LESS_THAN -> Op.GREATER_THAN;
            case LESS_THAN_OR_EQUAL -> Op.GREATER_THAN_OR_EQUAL;
            case GREATER_THAN -> Op.LESS_THAN;
            case GREATER_THAN_OR_EQUAL -> Op.LESS_THAN_OR_EQUAL;
            default -> op;
        };
    }

    @Override
    public ColumnVector evaluate(Batch batch) {
        ColumnVector values = column.evaluate(batch);
        int n = batch.rowCount();
        boolean[] out = new boolean[n];
        switch (storage) {
            case BYTES -> compareBytes((VarcharVector) values, out, n);
            case DOUBLE -> {
                double[] x = ((DoubleVector) values).values();
                for (int i = 0; i < n; i++) {
                    out[i] = test(Double.compare(x[i], doubleValue));
                }
            }
            default -> compareLongs(((LongVector) values).values(), out, n);
        }
        return new BooleanVector(out, values.nulls(), n);
    }

    @Override
    public int select(Batch batch, int[] positions, int count) {
        ColumnVector values = column.evaluate(batch);
        boolean[] nulls = values.nulls();
        int kept = 0;
        switch (storage) {
            case BYTES -> {
                VarcharVector strings = (VarcharVector) values;
                for (int p = 0; p < count; p++) {
                    int i = positions[p];
                    positions[kept] = i;
                    kept += stringHolds(strings, i) && (nulls == null || !nulls[i]) ? 1 : 0;
                }
            }
            case DOUBLE -> {
                double[] x = ((DoubleVector) values).values();
                for (int p = 0; p < count; p++) {
                    int i = positions[p];
                    positions[kept] = i;
                    kept += test(Double.compare(x[i], doubleValue)) && (nulls == null || !nulls[i]) ? 1 : 0;
                }
            }
            default -> kept = selectLongs(((LongVector) values).values(), nulls, positions, count);
        }
        return kept;
    }

    private int selectLongs(long[] x, boolean[] nulls, int[] positions, int count) {
        long c = longValue;
        int kept = 0;
        // One loop per operator, branch-free: the comparison's outcome only moves the write cursor.
        switch (op) {
            case EQUAL -> { for (int p = 0; p < count; p++) { int i = positions[p]; positions[kept] = i; kept += x[i] == c ? 1 : 0; } }
            case NOT_EQUAL -> { for (int p = 0; p < count; p++) { int i = positions[p]; positions[kept] = i; kept += x[i] != c ? 1 : 0; } }
            case LESS_THAN -> { for (int p = 0; p < count; p++) { int i = positions[p]; positions[kept] = i; kept += x[i] < c ? 1 : 0; } }
            case LESS_THAN_OR_EQUAL -> { for (int p = 0; p < count; p++) { int i = positions[p]; positions[kept] = i; kept += x[i] <= c ? 1 : 0; } }
            case GREATER_THAN -> { for (int p = 0; p < count; p++) { int i = positions[p]; positions[kept] = i; kept += x[i] > c ? 1 : 0; } }
            case GREATER_THAN_OR_EQUAL -> { for (int p = 0; p < count; p++) { int i = positions[p]; positions[kept] = i; kept += x[i] >= c ? 1 : 0; } }
            default -> throw new IllegalStateException(op.name());
        }
        if (nulls == null) {
            return kept;
        }
        int nonNull = 0;
        for (int p = 0; p < kept; p++) {
            int i = positions[p];
            positions[nonNull] = i;
            nonNull += nulls[i] ? 0 : 1;
        }
        return nonNull;
    }

    private void compareBytes(VarcharVector strings, boolean[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = stringHolds(strings, i);
        }
    }

    /** The comparison for the string at {@code i}: equality compares bytes, order compares them unsigned (UTF-8 order). */
    private boolean stringHolds(VarcharVector strings, int i) {
        int start = strings.start(i);
        int end = start + strings.length(i);
        return op == Op.EQUAL || op == Op.NOT_EQUAL
                ? Arrays.equals(strings.data(), start, end, bytes, 0, bytes.length) == (op == Op.EQUAL)
                : test(Arrays.compareUnsigned(strings.data(), start, end, bytes, 0, bytes.length));
    }

    private void compareLongs(long[] x, boolean[] out, int n) {
        long c = longValue;
        switch (op) {
            case EQUAL -> { for (int i = 0; i < n; i++) out[i] = x[i] == c; }
            case NOT_EQUAL -> { for (int i = 0; i < n; i++) out[i] = x[i] != c; }
            case LESS_THAN -> { for (int i = 0; i < n; i++) out[i] = x[i] < c; }
            case LESS_THAN_OR_EQUAL -> { for (int i = 0; i < n; i++) out[i] = x[i] <= c; }
            case GREATER_THAN -> { for (int i = 0; i < n; i++) out[i] = x[i] > c; }
            case GREATER_THAN_OR_EQUAL -> { for (int i = 0; i < n; i++) out[i] = x[i] >= c; }
            default -> throw new IllegalStateException(op.name());
        }
    }

    private boolean test(int comparison) {
        return ComparisonExpression.holds(op, comparison);
    }
}
