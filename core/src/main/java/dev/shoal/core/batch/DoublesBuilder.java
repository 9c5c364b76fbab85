package dev.shoal.core.batch;

import dev.shoal.core.type.DataType;

import java.util.Arrays;

public final class DoublesBuilder extends VectorBuilder {
    private double[] values;

    DoublesBuilder(DataType type, int capacity) {
        super(type, capacity);
        values = new double[Math.max(capacity, 1)];
    }

    public void append(double value) {
        ensureCapacity(size + 1);
        markNotNull();
        values[size++] = value;
    }

    /** Appends {@code dictionary[ids[i]]} for i in 0 .. count-1, none NULL. */
    public void appendGathered(double[] dictionary, int[] ids, int count) {
        reserveNotNull(count);
        double[] out = values;
        int at = size;
        for (int i = 0; i < count; i++) {
            out[at + i] = dictionary[ids[i]];
        }
        size += count;
    }

    /** As {@link LongsBuilder#appendSpread}: {@code count} values, NULL where {@code definitions[i] != defined}. */
    public void appendSpread(double[] dense, int[] definitions, int defined, int count) {
        boolean[] isNull = reserveWithNulls(count);
        double[] out = values;
        int at = size;
        int next = 0;
        for (int i = 0; i < count; i++) {
            if (definitions[i] == defined) {
                isNull[at + i] = false;
                out[at + i] = dense[next++];
            } else {
                isNull[at + i] = true;
                out[at + i] = 0;
            }
        }
        size += count;
    }

    @Override
    protected void appendNonNull(Object value) {
        append(((Number) value).doubleValue());
    }

    @Override
    public void appendFrom(ColumnVector source, int position) {
        if (source.isNull(position)) {
            appendNull();
        } else {
            append(((DoubleVector) source).get(position));
        }
    }

    @Override
    protected void appendDefault() {
        values[size++] = 0;
    }

    @Override
    protected void ensureCapacity(int needed) {
        if (needed > values.length) {
            values = Arrays.copyOf(values, grow(values.length, needed));
        }
    }

    @Override
    protected int capacity() {
        return values.length;
    }

    @Override
    public DoubleVector build() {
        return new DoubleVector(values, finishNulls(), size);
    }
}
