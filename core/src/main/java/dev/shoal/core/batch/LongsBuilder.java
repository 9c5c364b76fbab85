package dev.shoal.core.batch;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.type.DataType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Longs, and for a DECIMAL wider than 18 digits also values that need 128 bits: the builder
 * switches to an {@link Int128Vector} at the first such value.
 */
public final class LongsBuilder extends VectorBuilder {
    private long[] values;
    /** High words, {@code null} until a value does not fit in a long. */
    private long[] high;

    LongsBuilder(DataType type, int capacity) {
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
        signExtend(size, count);
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
        signExtend(at, count);
        size += count;
    }

    /**
     * Appends {@code count} values: the i-th is NULL unless {@code definitions[i] == defined}, and the
     * non-NULL ones are {@code dictionary[ids[0 ..]]} in order. A dictionary page with NULLs in one loop.
     */
    public void appendGatheredSpread(long[] dictionary, int[] ids, int[] definitions, int defined, int count) {
        boolean[] isNull = reserveWithNulls(count);
        long[] out = values;
        int at = size;
        int next = 0;
        for (int i = 0; i < count; i++) {
            if (definitions[i] == defined) {
                isNull[at + i] = false;
                out[at + i] = dictionary[ids[next++]];
            } else {
                isNull[at + i] = true;
                out[at + i] = 0;
            }
        }
        signExtend(at, count);
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
        signExtend(at, count);
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
            signExtend(0, size);
        }
    }

    /** Once values need 128 bits: the high words of {@code values[from, from + count)}, appended as longs. */
    private void signExtend(int from, int count) {
        if (high != null) {
            for (int i = from; i < from + count; i++) {
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
