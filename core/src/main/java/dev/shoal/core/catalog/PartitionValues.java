package dev.shoal.core.catalog;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.type.DataType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * A partition value between its folder spelling and the value a column vector holds: BIGINT and
 * INTEGER as a Long, DECIMAL as its unscaled Long (a BigInteger past 18 digits), DATE as days and
 * TIMESTAMP as microseconds since the epoch, VARCHAR as a String. The spellings are Hive's:
 * {@code 2024-01-31}, {@code 2024-01-31 10:15:00.5}, {@code 12.50}, {@code true}.
 */
public final class PartitionValues {
    private static final long MICROS_PER_DAY = 86_400_000_000L;
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd[ ]['T']HH:mm[:ss]")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter(Locale.ROOT);
    private static final DateTimeFormatter TIMESTAMP_OUT = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 6, true)
            .toFormatter(Locale.ROOT);

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
                case DATE -> LocalDate.parse(text.trim()).toEpochDay();
                case TIMESTAMP -> parseTimestamp(text.trim());
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

    private static long parseTimestamp(String text) {
        if (text.length() == 10) {
            return LocalDate.parse(text).toEpochDay() * MICROS_PER_DAY;
        }
        LocalDateTime time = LocalDateTime.parse(text, TIMESTAMP);
        return time.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + time.getNano() / 1000;
    }

    /** The folder spelling of a value of {@code type}; null stays null (the default partition). */
    public static String format(Object value, DataType type) {
        if (value == null) {
            return null;
        }
        return switch (type.kind()) {
            case DECIMAL -> (value instanceof BigInteger big ? new BigDecimal(big, type.scale())
                    : BigDecimal.valueOf((Long) value, type.scale())).toPlainString();
            case DATE -> LocalDate.ofEpochDay((Long) value).toString();
            case TIMESTAMP -> LocalDateTime.ofEpochSecond(Math.floorDiv((Long) value, 1_000_000L),
                    (int) Math.floorMod((Long) value, 1_000_000L) * 1000, ZoneOffset.UTC).format(TIMESTAMP_OUT);
            default -> value.toString();
        };
    }
}
