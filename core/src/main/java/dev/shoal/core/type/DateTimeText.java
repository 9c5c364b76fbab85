package dev.shoal.core.type;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * DATE and TIMESTAMP values between their text and their internal form (days, and microseconds,
 * since 1970-01-01, no time zone), as CAST and partition folder names spell them:
 * {@code 2024-01-31}, {@code 2024-01-31 10:15:00.5} (a 'T' for the space is read too).
 */
public final class DateTimeText {
    private static final long MICROS_PER_DAY = 86_400_000_000L;
    private static final DateTimeFormatter TIMESTAMP_INPUT = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd[ ]['T']HH:mm[:ss]")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter(Locale.ROOT);
    /** Seconds always; the fraction only when there is one, without trailing zeros (Shoal keeps no timestamp precision). */
    private static final DateTimeFormatter TIMESTAMP_OUTPUT = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 6, true)
            .toFormatter(Locale.ROOT);

    private DateTimeText() {
    }

    /** Days since the epoch; fails with DateTimeParseException. */
    public static long parseDate(String text) {
        return LocalDate.parse(text).toEpochDay();
    }

    /** Microseconds since the epoch; a date alone is its midnight. Fails with DateTimeParseException. */
    public static long parseTimestamp(String text) throws DateTimeParseException {
        if (text.length() == 10) {
            return LocalDate.parse(text).toEpochDay() * MICROS_PER_DAY;
        }
        LocalDateTime time = LocalDateTime.parse(text, TIMESTAMP_INPUT);
        return time.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + time.getNano() / 1000;
    }

    public static String formatDate(long days) {
        return LocalDate.ofEpochDay(days).toString();
    }

    public static String formatTimestamp(long micros) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), (int) Math.floorMod(micros, 1_000_000L) * 1000,
                ZoneOffset.UTC).format(TIMESTAMP_OUTPUT);
    }
}
