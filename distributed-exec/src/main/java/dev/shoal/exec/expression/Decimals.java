package dev.shoal.exec.expression;

import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.Int128Vector;
import dev.shoal.core.batch.LongVector;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.type.DataType;
import dev.shoal.core.type.TypeKind;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Exact arithmetic on unscaled longs: rescaling, rounding half away from zero, overflow checks.
 * Decimals wider than 18 digits fall back to {@link BigDecimal} one value at a time; they are rare
 * (a sum times a small fraction, as in TPC-H Q11), so the long path stays the fast one.
 */
public final class Decimals {
    private static final long[] POWERS_OF_TEN = new long[19];
    private static final BigInteger[] BIG_POWERS_OF_TEN = new BigInteger[DataType.MAX_DECIMAL_PRECISION + 1];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
        for (int i = 0; i < BIG_POWERS_OF_TEN.length; i++) {
            BIG_POWERS_OF_TEN[i] = BigInteger.TEN.pow(i);
        }
    }

    private Decimals() {
    }

    public static long powerOfTen(int exponent) {
        if (exponent < 0 || exponent >= POWERS_OF_TEN.length) {
            throw overflow();
        }
        return POWERS_OF_TEN[exponent];
    }

    /** Scale of a value of this type as an unscaled long (0 for integers, dates, timestamps). */
    public static int scaleOf(DataType type) {
        return type.kind() == TypeKind.DECIMAL ? type.scale() : 0;
    }

    /** Changes the scale of an unscaled value, rounding half away from zero when the scale drops. */
    public static long rescale(long value, int fromScale, int toScale) {
        if (toScale == fromScale) {
            return value;
        }
        if (toScale > fromScale) {
            return multiply(value, powerOfTen(toScale - fromScale));
        }
        return divideRoundHalfUp(value, powerOfTen(fromScale - toScale));
    }

    public static long multiply(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw overflow();
        }
    }

    public static long add(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw overflow();
        }
    }

    public static long subtract(long a, long b) {
        try {
            return Math.subtractExact(a, b);
        } catch (ArithmeticException e) {
            throw overflow();
        }
    }

    public static long divideRoundHalfUp(long dividend, long divisor) {
        long quotient = dividend / divisor;
        long remainder = dividend % divisor;
        if (Math.abs(remainder) * 2 >= Math.abs(divisor)) {
            quotient += (dividend < 0) == (divisor < 0) ? 1 : -1;
        }
        return quotient;
    }

    /** a / b for decimals: the quotient at {@code resultScale}, rounded half up. */
    public static long divide(long a, int aScale, long b, int bScale, int resultScale) {
        if (b == 0) {
            throw new ShoalException(ErrorCode.DIVISION_BY_ZERO, "division by zero");
        }
        int shift = resultScale - aScale + bScale;
        if (shift >= 0 && shift < POWERS_OF_TEN.length) {
            long high = Math.multiplyHigh(a, POWERS_OF_TEN[shift]);
            long scaled = a * POWERS_OF_TEN[shift];
            if ((high == 0 && scaled >= 0) || (high == -1 && scaled < 0)) {
                return divideRoundHalfUp(scaled, b);
            }
        }
        BigDecimal quotient = BigDecimal.valueOf(a, aScale).divide(BigDecimal.valueOf(b, bScale), resultScale, RoundingMode.HALF_UP);
        try {
            return quotient.unscaledValue().longValueExact();
        } catch (ArithmeticException e) {
            throw overflow();
        }
    }

    /** The exact value at a position of a numeric vector of longs (integral or decimal, narrow or wide). */
    public static BigDecimal bigDecimalAt(ColumnVector vector, int position) {
        int scale = scaleOf(vector.type());
        if (vector instanceof Int128Vector wide) {
            return new BigDecimal(wide.get(position), scale);
        }
        return BigDecimal.valueOf(((LongVector) vector).get(position), scale);
    }

    /** An unscaled value ({@code Long} or {@code BigInteger}) as a BigDecimal. */
    public static BigDecimal toBigDecimal(Object unscaled, int scale) {
        return unscaled instanceof BigInteger big ? new BigDecimal(big, scale) : BigDecimal.valueOf((Long) unscaled, scale);
    }

    /**
     * {@code value} rounded half up to the type's scale, as the internal representation: a Long when it
     * fits, else a BigInteger. Fails when it has more digits than the type's precision.
     */
    public static Object unscaledOf(BigDecimal value, DataType type) {
        BigInteger unscaled = value.setScale(type.scale(), RoundingMode.HALF_UP).unscaledValue();
        if (unscaled.abs().compareTo(BIG_POWERS_OF_TEN[type.precision()]) >= 0) {
            throw new ShoalException(ErrorCode.NUMERIC_OVERFLOW, "numeric overflow: value "
                    + value.toPlainString() + " does not fit " + type);
        }
        return unscaled.bitLength() < 64 ? (Object) unscaled.longValue() : unscaled;
    }

    public static double toDouble(long unscaled, int scale) {
        return scale == 0 ? unscaled : unscaled / (double) POWERS_OF_TEN[scale];
    }

    public static BigDecimal toBigDecimal(long unscaled, int scale) {
        return BigDecimal.valueOf(unscaled, scale);
    }

    public static ShoalException overflow() {
        return new ShoalException(ErrorCode.NUMERIC_OVERFLOW, "numeric overflow: the value does not fit in 64 bits");
    }

    static boolean isOverflow(ShoalException e) {
        return e.code() == ErrorCode.NUMERIC_OVERFLOW;
    }
}
