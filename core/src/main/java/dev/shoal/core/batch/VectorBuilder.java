package dev.shoal.core.batch;

import dev.shoal.core.type.DataType;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds a vector one value at a time, for operators whose output is not a gather of their input
 * (aggregation results, join output, literals). Values use the internal representation of
 * {@link ColumnVector#valueAt}.
 */
public abstract sealed class VectorBuilder permits LongsBuilder, DoublesBuilder, BooleansBuilder, BytesBuilder {
    protected final DataType type;
    protected boolean[] nulls;
    protected int size;

    protected VectorBuilder(DataType type, int capacity) {
        this.type = type;
    }

    public static VectorBuilder create(DataType type, int capacity) {
        return switch (type.storage()) {
            case LONG -> new LongsBuilder(type, capacity);
            case DOUBLE -> new DoublesBuilder(type, capacity);
            case BOOLEAN -> new BooleansBuilder(type, capacity);
            case BYTES -> new BytesBuilder(type, capacity);
        };
    }

    /** A vector of {@code count} copies of one value (or NULL). */
    public static ColumnVector constant(DataType type, Object value, int count) {
        VectorBuilder builder = create(type, count);
        if (value instanceof String text) {
            // Encode once, not once per row.
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            BytesBuilder strings = (BytesBuilder) builder;
            for (int i = 0; i < count; i++) {
                strings.append(bytes);
            }
            return builder.build();
        }
        if (value == null) {
            builder.appendNulls(count);
            return builder.build();
        }
        for (int i = 0; i < count; i++) {
            builder.appendValue(value);
        }
        return builder.build();
    }

    public int size() {
        return size;
    }

    public void appendNull() {
        ensureCapacity(size + 1);
        if (nulls == null) {
            nulls = new boolean[Math.max(16, capacity())];
        } else if (nulls.length < capacity()) {
            nulls = Arrays.copyOf(nulls, capacity());
        }
        nulls[size] = true;
        appendDefault();
    }

    /** Appends {@code count} NULLs at once. */
    public void appendNulls(int count) {
        boolean[] isNull = reserveWithNulls(count);
        Arrays.fill(isNull, size, size + count, true);
        for (int i = 0; i < count; i++) {
            appendDefault();
        }
    }

    public void appendValue(Object value) {
        if (value == null) {
            appendNull();
        } else {
            appendNonNull(value);
        }
    }

    /** Appends the value at {@code position} of {@code source}, which must have this builder's storage. */
    public abstract void appendFrom(ColumnVector source, int position);

    public abstract ColumnVector build();

    protected abstract void appendNonNull(Object value);

    protected abstract void appendDefault();

    protected abstract void ensureCapacity(int needed);

    protected abstract int capacity();

    protected boolean[] finishNulls() {
        if (nulls == null) {
            return null;
        }
        return nulls.length >= size ? nulls : Arrays.copyOf(nulls, size);
    }

    /** Makes room for {@code count} more non-NULL values (the null mask, if any, grows along). */
    protected void reserveNotNull(int count) {
        ensureCapacity(size + count);
        if (nulls != null && nulls.length < size + count) {
            nulls = Arrays.copyOf(nulls, Math.max(size + count, capacity()));
        }
    }

    /**
     * Makes room for {@code count} more values, some NULL, and returns the null mask to fill from
     * {@code size}: {@code isNull[size + i]} for each appended value.
     */
    protected boolean[] reserveWithNulls(int count) {
        ensureCapacity(size + count);
        if (nulls == null) {
            nulls = new boolean[Math.max(16, capacity())];
        } else if (nulls.length < capacity()) {
            nulls = Arrays.copyOf(nulls, capacity());
        }
        return nulls;
    }

    protected void markNotNull() {
        if (nulls != null && nulls.length <= size) {
            nulls = Arrays.copyOf(nulls, Math.max(size + 1, capacity()));
        }
    }

    static int grow(int current, int needed) {
        return Math.max(needed, Math.max(16, current + (current >> 1)));
    }

}
