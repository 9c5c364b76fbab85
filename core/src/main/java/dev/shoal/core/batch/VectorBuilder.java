package dev.shoal.core.batch;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.type.DataType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds a vector one value at a time, for operators whose output is not a gather of their input
 * (aggregation results, join output, literals). Values use the internal representation of
 * {@link ColumnVector#valueAt}.
 */
public abstract sealed class VectorBuilder {
    protected final DataType type;
    protected boolean[] nulls;
    protected int size;

    protected VectorBuilder(DataType type, int capacity) {
        this.type = type;
    }

    public static VectorBuilder create(DataType type, int capacity) {
        return switch (type.storage()) {
            case LONG -> new Longs(type, capacity);
            case DOUBLE -> new Doubles(type, capacity);
            case BOOLEAN -> new Booleans(type, capacity);
            case BYTES -> new Bytes(type, capacity);
        };
    }

    /** A vector of {@code count} copies of one value (or NULL). */
    public static ColumnVector constant(DataType type, Object value, int count) {
        VectorBuilder builder = create(type, count);
        if (value instanceof String text) {
            // Encode once, not once per row.
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            Bytes strings = (Bytes) builder;
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

    /**
     * Longs, and for a DECIMAL wider than 18 digits also values that need 128 bits: the builder
     * switches to an {@link Int128Vector} at the first such value.
     */
    public static final class Longs extends VectorBuilder {
        private long[] values;
        /** High words, {@code null} until a value does not fit in a long. */
        private long[] high;

        Longs(DataType type, int capacity) {
            super(type, capacity);
            values = new long[Math.max(capacity, 1)];
        }

        public void append(long value) {
            ensureCapacity(size + 1);
            markNotNull();
            if (high != null) {
                high[size] = value >> 63;
            }
            values[size++] = value;
        }

        /** Appends a 128-bit value given as two words. */
        public void append(long highWord, long lowWord) {
            if (Int128Vector.fitsInLong(highWord, lowWord)) {
                append(lowWord);
                return;
            }
            startWide(Int128Vector.toBigInteger(highWord, lowWord));
            ensureCapacity(size + 1);
            markNotNull();
            high[size] = highWord;
            values[size++] = lowWord;
        }

        /** Appends {@code source[from, from + count)}, none NULL: a decoded run in one copy. */
        public void appendAll(long[] source, int from, int count) {
            reserveNotNull(count);
            System.arraycopy(source, from, values, size, count);
            if (high != null) {
                for (int i = size; i < size + count; i++) {
                    high[i] = values[i] >> 63;
                }
            }
            size += count;
        }

        /** Appends {@code dictionary[ids[i]]} for i in 0 .. count-1, none NULL: a dictionary page in one loop. */
        public void appendGathered(long[] dictionary, int[] ids, int count) {
            reserveNotNull(count);
            long[] out = values;
            int at = size;
            for (int i = 0; i < count; i++) {
                out[at + i] = dictionary[ids[i]];
            }
            if (high != null) {
                for (int i = 0; i < count; i++) {
                    high[at + i] = out[at + i] >> 63;
                }
            }
            size += count;
        }

        /**
         * Appends {@code count} values: the i-th is NULL unless {@code definitions[i] == defined}, and
         * the non-NULL ones are {@code dense[0 ..]} in order. A page with NULLs in one loop.
         */
        public void appendSpread(long[] dense, int[] definitions, int defined, int count) {
            boolean[] isNull = reserveWithNulls(count);
            long[] out = values;
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
            if (high != null) {
                for (int i = 0; i < count; i++) {
                    high[at + i] = out[at + i] >> 63;
                }
            }
            size += count;
        }

        @Override
        protected void appendNonNull(Object value) {
            if (value instanceof BigInteger big) {
                append(big.shiftRight(64).longValue(), big.longValue());
                if (big.bitLength() > 127) {
                    throw tooWide(big);
                }
            } else {
                append(((Number) value).longValue());
            }
        }

        @Override
        public void appendFrom(ColumnVector source, int position) {
            if (source.isNull(position)) {
                appendNull();
            } else if (source instanceof Int128Vector wide) {
                append(wide.high()[position], wide.low()[position]);
            } else {
                append(((LongVector) source).get(position));
            }
        }

        private void startWide(BigInteger value) {
            if (!type.isWideDecimal()) {
                throw tooWide(value);
            }
            if (high == null) {
                high = new long[values.length];
                for (int i = 0; i < size; i++) {
                    high[i] = values[i] >> 63;
                }
            }
        }

        private ShoalException tooWide(BigInteger unscaled) {
            return new ShoalException(ErrorCode.NUMERIC_OVERFLOW, "numeric overflow: value "
                    + new BigDecimal(unscaled, type.scale()).toPlainString() + " does not fit " + type);
        }

        @Override
        protected void appendDefault() {
            if (high != null) {
                high[size] = 0;
            }
            values[size++] = 0;
        }

        @Override
        protected void ensureCapacity(int needed) {
            if (needed > values.length) {
                values = Arrays.copyOf(values, grow(values.length, needed));
            }
            if (high != null && high.length < values.length) {
                high = Arrays.copyOf(high, values.length);
            }
        }

        @Override
        protected int capacity() {
            return values.length;
        }

        @Override
        public ColumnVector build() {
            return high == null
                    ? new LongVector(type, values, finishNulls(), size)
                    : new Int128Vector(type, high, values, finishNulls(), size);
        }
    }

    public static final class Doubles extends VectorBuilder {
        private double[] values;

        Doubles(DataType type, int capacity) {
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

        /** As {@link Longs#appendSpread}: {@code count} values, NULL where {@code definitions[i] != defined}. */
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

    public static final class Booleans extends VectorBuilder {
        private boolean[] values;

        Booleans(DataType type, int capacity) {
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

    public static final class Bytes extends VectorBuilder {
        private byte[] data;
        private int[] offsets;
        private int dataSize;

        Bytes(DataType type, int capacity) {
            super(type, capacity);
            offsets = new int[Math.max(capacity, 1) + 1];
            // Room for short strings up front: growing from a few bytes copied the data many times.
            data = new byte[Math.max(64, Math.min(capacity * 8, 1 << 20))];
        }

        public void append(byte[] bytes, int offset, int length) {
            ensureCapacity(size + 1);
            markNotNull();
            if (dataSize + length > data.length) {
                data = Arrays.copyOf(data, grow(data.length, dataSize + length));
            }
            System.arraycopy(bytes, offset, data, dataSize, length);
            dataSize += length;
            offsets[++size] = dataSize;
        }

        public void append(byte[] bytes) {
            append(bytes, 0, bytes.length);
        }

        /**
         * Appends {@code count} values, none NULL, the i-th being {@code lengths[i]} bytes of
         * {@code source} from {@code starts[i]}; {@code totalLength} is their sum, so the data grows once.
         */
        public void appendSlices(byte[] source, int[] starts, int[] lengths, int count, int totalLength) {
            if (dataSize + totalLength > data.length) {
                data = Arrays.copyOf(data, grow(data.length, dataSize + totalLength));
            }
            reserveNotNull(count);
            for (int i = 0; i < count; i++) {
                System.arraycopy(source, starts[i], data, dataSize, lengths[i]);
                dataSize += lengths[i];
                offsets[++size] = dataSize;
            }
        }

        /** Appends {@code dictionary[ids[i]]} for i in 0 .. count-1, none NULL: sized once, then copied. */
        public void appendGathered(byte[][] dictionary, int[] ids, int count) {
            long total = dataSize;
            for (int i = 0; i < count; i++) {
                total += dictionary[ids[i]].length;
            }
            if (total > data.length) {
                data = Arrays.copyOf(data, grow(data.length, Math.toIntExact(total)));
            }
            reserveNotNull(count);
            for (int i = 0; i < count; i++) {
                byte[] value = dictionary[ids[i]];
                System.arraycopy(value, 0, data, dataSize, value.length);
                dataSize += value.length;
                offsets[++size] = dataSize;
            }
        }

        /**
         * Appends {@code count} values: NULL where {@code definitions[i] != defined}, the others
         * {@code dictionary[ids[0 ..]]} in order. Sized once, then copied.
         */
        public void appendGatheredSpread(byte[][] dictionary, int[] ids, int[] definitions, int defined, int count) {
            int present = 0;
            long total = dataSize;
            for (int i = 0; i < count; i++) {
                if (definitions[i] == defined) {
                    total += dictionary[ids[present++]].length;
                }
            }
            if (total > data.length) {
                data = Arrays.copyOf(data, grow(data.length, Math.toIntExact(total)));
            }
            boolean[] isNull = reserveWithNulls(count);
            int next = 0;
            for (int i = 0; i < count; i++) {
                if (definitions[i] == defined) {
                    byte[] value = dictionary[ids[next++]];
                    System.arraycopy(value, 0, data, dataSize, value.length);
                    dataSize += value.length;
                    isNull[size] = false;
                } else {
                    isNull[size] = true;
                }
                offsets[++size] = dataSize;
            }
        }

        @Override
        protected void appendNonNull(Object value) {
            append(((String) value).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void appendFrom(ColumnVector source, int position) {
            if (source.isNull(position)) {
                appendNull();
            } else {
                VarcharVector v = (VarcharVector) source;
                append(v.data(), v.start(position), v.length(position));
            }
        }

        @Override
        protected void appendDefault() {
            offsets[size + 1] = dataSize;
            size++;
        }

        @Override
        protected void ensureCapacity(int needed) {
            if (needed + 1 > offsets.length) {
                offsets = Arrays.copyOf(offsets, grow(offsets.length, needed + 1));
            }
        }

        @Override
        protected int capacity() {
            return offsets.length - 1;
        }

        @Override
        public VarcharVector build() {
            return new VarcharVector(data, offsets, finishNulls(), size);
        }
    }
}
