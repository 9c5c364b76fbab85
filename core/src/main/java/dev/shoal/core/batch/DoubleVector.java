package dev.shoal.core.batch;

import dev.shoal.core.type.DataType;

import java.util.Arrays;

/** DOUBLE values in a {@code double[]}. */
public final class DoubleVector implements ColumnVector {
    private final double[] values;
    private final boolean[] nulls;
    private final int size;

    public DoubleVector(double[] values, boolean[] nulls, int size) {
        this.values = values;
        this.nulls = nulls;
        this.size = size;
    }

    @Override
    public DataType type() {
        return DataType.DOUBLE;
    }

    @Override
    public long retainedBytes() {
        return ColumnVector.overhead(1) + 8L * values.length + ColumnVector.nullsBytes(nulls);
    }

    @Override
    public int size() {
        return size;
    }

    public double[] values() {
        return values;
    }

    public double get(int position) {
        return values[position];
    }

    @Override
    public boolean[] nulls() {
        return nulls;
    }

    @Override
    public boolean isNull(int position) {
        return nulls != null && nulls[position];
    }

    @Override
    public DoubleVector take(int[] positions, int count) {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = values[positions[i]];
        }
        return new DoubleVector(out, ColumnVector.takeNulls(nulls, positions, count), count);
    }

    @Override
    public DoubleVector slice(int from, int count) {
        return new DoubleVector(Arrays.copyOfRange(values, from, from + count),
                ColumnVector.sliceNulls(nulls, from, count), count);
    }

    @Override
    public Object valueAt(int position) {
        return isNull(position) ? null : values[position];
    }
}
