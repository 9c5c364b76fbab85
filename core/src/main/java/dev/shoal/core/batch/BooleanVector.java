package dev.shoal.core.batch;

import dev.shoal.core.type.DataType;

import java.util.Arrays;

/** BOOLEAN values in a {@code boolean[]}. */
public final class BooleanVector implements ColumnVector {
    private final boolean[] values;
    private final boolean[] nulls;
    private final int size;

    public BooleanVector(boolean[] values, boolean[] nulls, int size) {
        this.values = values;
        this.nulls = nulls;
        this.size = size;
    }

    @Override
    public DataType type() {
        return DataType.BOOLEAN;
    }

    @Override
    public long retainedBytes() {
        return ColumnVector.overhead(1) + values.length + ColumnVector.nullsBytes(nulls);
    }

    @Override
    public int size() {
        return size;
    }

    public boolean[] values() {
        return values;
    }

    public boolean get(int position) {
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

    /** True where the value is TRUE (not FALSE, not NULL): the rows a WHERE clause keeps. */
    public boolean isTrue(int position) {
        return values[position] && (nulls == null || !nulls[position]);
    }

    @Override
    public BooleanVector take(int[] positions, int count) {
        boolean[] out = new boolean[count];
        for (int i = 0; i < count; i++) {
            out[i] = values[positions[i]];
        }
        return new BooleanVector(out, ColumnVector.takeNulls(nulls, positions, count), count);
    }

    @Override
    public BooleanVector slice(int from, int count) {
        return new BooleanVector(Arrays.copyOfRange(values, from, from + count),
                ColumnVector.sliceNulls(nulls, from, count), count);
    }

    @Override
    public Object valueAt(int position) {
        return isNull(position) ? null : values[position];
    }
}
