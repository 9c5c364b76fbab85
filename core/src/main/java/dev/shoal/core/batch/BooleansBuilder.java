package dev.shoal.core.batch;

import dev.shoal.core.type.DataType;

import java.util.Arrays;

public final class BooleansBuilder extends VectorBuilder {
    private boolean[] values;

    BooleansBuilder(DataType type, int capacity) {
        super(type, capacity);
        values = new boolean[Math.max(capacity, 1)];
    }

    public void append(boolean value) {
        ensureCapacity(size + 1);
        markNotNull();
        values[size++] = value;
    }

    @Override
    protected void appendNonNull(Object value) {
        append((Boolean) value);
    }

    @Override
    public void appendFrom(ColumnVector source, int position) {
        if (source.isNull(position)) {
            appendNull();
        } else {
            append(((BooleanVector) source).get(position));
        }
    }

    @Override
    protected void appendDefault() {
        values[size++] = false;
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
    public BooleanVector build() {
        return new BooleanVector(values, finishNulls(), size);
    }
}
