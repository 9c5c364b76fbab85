package dev.shoal.core.batch;

import dev.shoal.core.type.DataType;
import dev.shoal.core.type.TypeKind;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Unscaled DECIMAL values too wide for a {@code long}: 128-bit two's complement split into a high
 * and a low word. A decimal column of precision over 18 is a {@link LongVector} while its values
 * fit in 64 bits and becomes an Int128Vector only when one does not, so the common case keeps the
 * fast path. {@link #valueAt} follows the same rule: {@code Long} when the value fits, else
 * {@code BigInteger}.
 */
public final class Int128Vector implements ColumnVector {
    private static final BigInteger LOW_MASK = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private final DataType type;
    private final long[] high;
    private final long[] low;
    private final boolean[] nulls;
    private final int size;

    public Int128Vector(DataType type, long[] high, long[] low, boolean[] nulls, int size) {
        if (type.kind() != TypeKind.DECIMAL) {
            throw new IllegalArgumentException("Int128Vector cannot hold " + type);
        }
        this.type = type;
        this.high = high;
        this.low = low;
        this.nulls = nulls;
        this.size = size;
    }

    /** The same values as a 128-bit vector (sign-extended). */
    public static Int128Vector widen(LongVector longs) {
        long[] values = longs.values();
        long[] high = new long[longs.size()];
        for (int i = 0; i < high.length; i++) {
            high[i] = values[i] >> 63;
        }
        return new Int128Vector(longs.type(), high, values, longs.nulls(), longs.size());
    }

    public static BigInteger toBigInteger(long high, long low) {
        if (high == (low >> 63)) {
            return BigInteger.valueOf(low);
        }
        return BigInteger.valueOf(high).shiftLeft(64).or(BigInteger.valueOf(low).and(LOW_MASK));
    }

    /** Whether the 128-bit value {@code (high, low)} also fits in a long. */
    public static boolean fitsInLong(long high, long low) {
        return high == (low >> 63);
    }

    public long[] high() {
        return high;
    }

    public long[] low() {
        return low;
    }

    public BigInteger get(int position) {
        return toBigInteger(high[position], low[position]);
    }

    @Override
    public DataType type() {
        return type;
    }

    @Override
    public long retainedBytes() {
        return ColumnVector.overhead(2) + 8L * high.length + 8L * low.length + ColumnVector.nullsBytes(nulls);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isNull(int position) {
        return nulls != null && nulls[position];
    }

    @Override
    public boolean[] nulls() {
        return nulls;
    }

    @Override
    public Int128Vector take(int[] positions, int count) {
        long[] outHigh = new long[count];
        long[] outLow = new long[count];
        for (int i = 0; i < count; i++) {
            outHigh[i] = high[positions[i]];
            outLow[i] = low[positions[i]];
        }
        return new Int128Vector(type, outHigh, outLow, ColumnVector.takeNulls(nulls, positions, count), count);
    }

    @Override
    public Int128Vector slice(int from, int count) {
        return new Int128Vector(type, Arrays.copyOfRange(high, from, from + count),
                Arrays.copyOfRange(low, from, from + count), ColumnVector.sliceNulls(nulls, from, count), count);
    }

    @Override
    public Object valueAt(int position) {
        if (isNull(position)) {
            return null;
        }
        return fitsInLong(high[position], low[position]) ? (Object) low[position] : get(position);
    }
}
