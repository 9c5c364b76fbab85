package dev.shoal.jdbc;

import org.apache.calcite.avatica.util.Cursor;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Calendar;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A TIMESTAMP column with its microseconds, which Avatica's accessors cut to milliseconds
 * ({@code getTimestamp}) or drop ({@code getString}): the value is read as the coordinator sent it
 * ({@link EpochMicros}), its text as Shoal's CAST to VARCHAR writes it (seconds always, the
 * fraction without trailing zeros).
 */
final class TimestampAccessor extends ShoalAccessor {
    private static final DateTimeFormatter TEXT = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 6, true)
            .toFormatter(Locale.ROOT);

    /** The current row's value of the column, as it arrived. */
    private final Supplier<Object> raw;

    TimestampAccessor(Cursor.Accessor avatica, Calendar localCalendar, Supplier<Object> raw) {
        super(avatica, localCalendar);
        this.raw = raw;
    }

    /** Microseconds since the epoch, or null for NULL. */
    private Long micros() {
        Object value = raw.get();
        if (value instanceof EpochMicros micros) {
            return micros.micros();
        }
        return value instanceof Number millis ? millis.longValue() * 1000L : null;
    }

    @Override
    public Timestamp getTimestamp(Calendar calendar) throws SQLException {
        Timestamp timestamp = avatica.getTimestamp(calendar);
        Long micros = micros();
        if (timestamp != null && micros != null) {
            // Time zones move whole seconds: the fraction is the value's own.
            timestamp.setNanos((int) Math.floorMod(micros, 1_000_000L) * 1000);
        }
        return timestamp;
    }

    @Override
    public Object getObject() throws SQLException {
        return getTimestamp(localCalendar);
    }

    @Override
    public String getString() throws SQLException {
        LocalDateTime value = localDateTime();
        return value == null ? null : value.format(TEXT);
    }

    @Override
    public String getNString() throws SQLException {
        return getString();
    }

    @Override
    protected LocalDateTime localDateTime() {
        Long micros = micros();
        return micros == null ? null
                : LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
    }
}
