package dev.shoal.exec.expression;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.type.DataType;
import dev.shoal.core.type.DateTimeText;
import dev.shoal.core.type.TypeKind;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** CAST between any two supported types, one value at a time, in the internal representation. */
public final class ValueCasts {
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private ValueCasts() {
    }

    public static Object cast(Object value, DataType from, DataType to) {
        if (value == null || from.equals(to)) {
            return value;
        }
        try {
            return switch (to.kind()) {
                case BOOLEAN -> toBoolean(value, from);
                case INTEGER -> checkInteger(toLong(value, from, 0));
                case BIGINT -> toLong(value, from, 0);
                case DECIMAL -> toDecimal(value, from, to);
                case DOUBLE -> toDouble(value, from);
                case VARCHAR -> toVarchar(value, from);
                case DATE -> toDate(value, from);
                case TIMESTAMP -> toTimestamp(value, from);
            };
        } catch (ShoalException e) {
            throw e;
        } catch (RuntimeException e) {
            throw invalid(value, from, to);
        }
    }

    private static ShoalException invalid(Object value, DataType from, DataType to) {
        String shown = from.kind() == TypeKind.VARCHAR ? "'" + value + "'" : toVarchar(value, from);
        return new ShoalException(ErrorCode.INVALID_CAST, "cannot cast " + shown + " of type " + from + " to " + to);
    }

    private static Object toBoolean(Object value, DataType from) {
        return switch (from.storage()) {
            case LONG -> ((Number) value).longValue() != 0 || value instanceof BigInteger;
            case DOUBLE -> (Double) value != 0;
            case BYTES -> switch (((String) value).trim().toLowerCase(Locale.ROOT)) {
                case "true", "t", "1" -> true;
                case "false", "f", "0" -> false;
                default -> throw invalid(value, from, DataType.BOOLEAN);
            };
            case BOOLEAN -> value;
        };
    }

    private static long toLong(Object value, DataType from, int scale) {
        if (from.kind() == TypeKind.DATE || from.kind() == TypeKind.TIMESTAMP) {
            throw invalid(value, from, scale == 0 ? DataType.BIGINT : DataType.decimal(18, scale));
        }
        return switch (from.storage()) {
            case LONG -> value instanceof BigInteger big
                    ? new BigDecimal(big, from.scale()).setScale(scale, RoundingMode.HALF_UP).unscaledValue().longValueExact()
                    : Decimals.rescale((Long) value, Decimals.scaleOf(from), scale);
            case DOUBLE -> {
                double d = (Double) value;
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw invalid(value, from, DataType.BIGINT);
                }
                // The shortest decimal that reads back as d (2.675, not 2.67499999...), as Trino and DuckDB round it.
                yield BigDecimal.valueOf(d).setScale(scale, RoundingMode.HALF_UP).unscaledValue().longValueExact();
            }
            case BOOLEAN -> Decimals.rescale((Boolean) value ? 1 : 0, 0, scale);
            case BYTES -> new BigDecimal(((String) value).trim()).setScale(scale, RoundingMode.HALF_UP)
                    .unscaledValue().longValueExact();
        };
    }

    private static long checkInteger(long value) {
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new ShoalException(ErrorCode.NUMERIC_OVERFLOW, "value " + value + " is out of range for INTEGER");
        }
        return value;
    }

    /** An unscaled decimal of type {@code to}: a Long, or a BigInteger for a value wider than a long. */
    private static Object toDecimal(Object value, DataType from, DataType to) {
        boolean number = from.kind() == TypeKind.INTEGER || from.kind() == TypeKind.BIGINT || from.kind() == TypeKind.DECIMAL;
        if (number && value instanceof Long unscaled) {
            long rescaled;
            try {
                rescaled = Decimals.rescale(unscaled, Decimals.scaleOf(from), to.scale());
            } catch (ShoalException e) {
                rescaled = Long.MIN_VALUE; // over 64 bits: the exact path below decides
            }
            if (rescaled != Long.MIN_VALUE && (to.isWideDecimal()
                    || Math.abs(rescaled) < Decimals.powerOfTen(to.precision()))) {
                return rescaled;
            }
        }
        if (from.kind() == TypeKind.DATE || from.kind() == TypeKind.TIMESTAMP) {
            throw invalid(value, from, to);
        }
        BigDecimal exact = switch (from.storage()) {
            case LONG -> Decimals.toBigDecimal(value, Decimals.scaleOf(from));
            case DOUBLE -> {
                double d = (Double) value;
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw invalid(value, from, to);
                }
                // The shortest decimal that reads back as d (2.675, not 2.67499999...), as Trino and DuckDB round it.
                yield BigDecimal.valueOf(d);
            }
            case BOOLEAN -> (Boolean) value ? BigDecimal.ONE : BigDecimal.ZERO;
            case BYTES -> new BigDecimal(((String) value).trim());
        };
        return Decimals.unscaledOf(exact, to);
    }

    private static double toDouble(Object value, DataType from) {
        return switch (from.storage()) {
            case LONG -> value instanceof BigInteger big
                    ? new BigDecimal(big, Decimals.scaleOf(from)).doubleValue()
                    : Decimals.toDouble((Long) value, Decimals.scaleOf(from));
            case DOUBLE -> (Double) value;
            case BOOLEAN -> (Boolean) value ? 1.0 : 0.0;
            case BYTES -> Double.parseDouble(((String) value).trim());
        };
    }

    public static String toVarchar(Object value, DataType from) {
        return switch (from.kind()) {
            case DECIMAL -> Decimals.toBigDecimal(value, from.scale()).toPlainString();
            case DATE -> DateTimeText.formatDate((Long) value);
            case TIMESTAMP -> DateTimeText.formatTimestamp((Long) value);
            default -> value.toString();
        };
    }

    private static long toDate(Object value, DataType from) {
        return switch (from.kind()) {
            case TIMESTAMP -> Math.floorDiv((Long) value, MICROS_PER_DAY);
            case VARCHAR -> parseDate(((String) value).trim());
            default -> throw invalid(value, from, DataType.DATE);
        };
    }

    private static long parseDate(String text) {
        try {
            return DateTimeText.parseDate(text);
        } catch (DateTimeParseException e) {
            throw new ShoalException(ErrorCode.INVALID_CAST, "cannot cast '" + text + "' to DATE: expected YYYY-MM-DD");
        }
    }

    private static long toTimestamp(Object value, DataType from) {
        return switch (from.kind()) {
            case DATE -> Decimals.multiply((Long) value, MICROS_PER_DAY);
            case VARCHAR -> parseTimestamp(((String) value).trim());
            default -> throw invalid(value, from, DataType.TIMESTAMP);
        };
    }

    private static long parseTimestamp(String text) {
        try {
            return DateTimeText.parseTimestamp(text);
        } catch (DateTimeParseException e) {
            throw new ShoalException(ErrorCode.INVALID_CAST,
                    "cannot cast '" + text + "' to TIMESTAMP: expected YYYY-MM-DD HH:MM:SS[.ffffff]");
        }
    }
}
