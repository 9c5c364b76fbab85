package dev.shoal.core.batch;

import dev.shoal.core.type.DataType;
import dev.shoal.core.type.TypeKind;

import java.util.Arrays;

/** Integral, decimal (unscaled), date (days) and timestamp (micros) values in a {@code long[]}. */
public final class LongVector implements ColumnVector {
    private final DataType type;
    private final long[] values;
    private final boolean[] nulls;
    private final int size;

    public LongVector(DataType type, long[] values, boolean[] nulls, int size) {
        if (type.storage() != TypeKind.Storage.LONG) {
            throw new IllegalArgumentException("LongVector cannot hold " + type);
        }
        this.type = type;
        this.values = values;
        this.nulls = nulls;
        this.size = size;
    }

    @Override
    public DataType type() {
        return type;
    }

    @Override
    public long retainedBytes() {
        return ColumnVector.overhead(1) + 8L * values.length + ColumnVector.nullsBytes(nulls);
    }

    @Override
    public int size() {
        return size;
    }

    /** The backing array; positions at or past {@link #size()} and null positions hold garbage. */
    public long[] values() {
        return values;
    }

    public long get(int position) {
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
    public LongVector take(int[] positions, int count) {
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            out[i] = values[positions[i]];
        }
        return new LongVector(type, out, ColumnVector.takeNulls(nulls, positions, count), count);
    }

    @Override
    public LongVector slice(int from, int count) {
        return new LongVector(type, Arrays.copyOfRange(values, from, from + count),
                ColumnVector.sliceNulls(nulls, from, count), count);
    }

    @Override
    public Object valueAt(int position) {
        return isNull(position) ? null : values[position];
    }
}
