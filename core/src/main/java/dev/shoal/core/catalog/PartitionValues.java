package dev.shoal.core.catalog;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.type.DataType;
import dev.shoal.core.type.DateTimeText;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * A partition value between its folder spelling and the value a column vector holds: BIGINT and
 * INTEGER as a Long, DECIMAL as its unscaled Long (a BigInteger past 18 digits), DATE as days and
 * TIMESTAMP as microseconds since the epoch, VARCHAR as a String. The spellings are Hive's:
 * {@code 2024-01-31}, {@code 2024-01-31 10:15:00.5}, {@code 12.50}, {@code true}.
 */
public final class PartitionValues {
    private PartitionValues() {
    }

    /** The value of {@code text} as {@code type}, or null for NULL; a value that does not parse fails naming the column. */
    public static Object parse(String text, DataType type, String column) {
        if (text == null) {
            return null;
        }
        try {
            return switch (type.kind()) {
                case VARCHAR -> text;
                case BIGINT -> Long.parseLong(text.trim());
                case INTEGER -> (long) Integer.parseInt(text.trim());
                case DOUBLE -> Double.parseDouble(text.trim());
                case BOOLEAN -> parseBoolean(text.trim());
                case DECIMAL -> unscaled(new BigDecimal(text.trim()), type);
                case DATE -> DateTimeText.parseDate(text.trim());
                case TIMESTAMP -> DateTimeText.parseTimestamp(text.trim());
            };
        } catch (RuntimeException e) {
            throw new ShoalException(ErrorCode.INVALID_CAST, "partition value '" + text + "' of column " + column
                    + " is not a " + type);
        }
    }

    private static boolean parseBoolean(String text) {
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException(text);
    }

    private static Object unscaled(BigDecimal value, DataType type) {
        BigInteger unscaled = value.setScale(type.scale(), RoundingMode.UNNECESSARY).unscaledValue();
        if (unscaled.abs().compareTo(BigInteger.TEN.pow(type.precision())) >= 0) {
            throw new ArithmeticException("too many digits");
        }
        return unscaled.bitLength() < 64 ? (Object) unscaled.longValue() : unscaled;
    }

    /** The folder spelling of a value of {@code type}; null stays null (the default partition). */
    public static String format(Object value, DataType type) {
        if (value == null) {
            return null;
        }
        return switch (type.kind()) {
            case DECIMAL -> (value instanceof BigInteger big ? new BigDecimal(big, type.scale())
                    : BigDecimal.valueOf((Long) value, type.scale())).toPlainString();
            case DATE -> DateTimeText.formatDate((Long) value);
            case TIMESTAMP -> DateTimeText.formatTimestamp((Long) value);
            default -> value.toString();
        };
    }
}
