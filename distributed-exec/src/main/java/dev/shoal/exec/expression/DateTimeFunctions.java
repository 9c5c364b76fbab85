package dev.shoal.exec.expression;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.type.DataType;
import dev.shoal.core.type.TypeKind;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.Locale;

/** EXTRACT and date arithmetic on days (DATE) and microseconds (TIMESTAMP). */
final class DateTimeFunctions {
    static final long MICROS_PER_DAY = 86_400_000_000L;

    private DateTimeFunctions() {
    }

    static long extract(String unit, long value, DataType type) {
        boolean timestamp = type.kind() == TypeKind.TIMESTAMP;
        long days = timestamp ? Math.floorDiv(value, MICROS_PER_DAY) : value;
        long microsOfDay = timestamp ? Math.floorMod(value, MICROS_PER_DAY) : 0;
        LocalDate date = LocalDate.ofEpochDay(days);
        return switch (unit.toUpperCase(Locale.ROOT)) {
            case "YEAR" -> date.getYear();
            case "QUARTER" -> (date.getMonthValue() - 1) / 3 + 1;
            case "MONTH" -> date.getMonthValue();
            case "WEEK" -> date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            case "DAY" -> date.getDayOfMonth();
            case "DOY" -> date.getDayOfYear();
            // ISO day of week, Monday = 1 ... Sunday = 7, as Trino's day_of_week.
            case "DOW", "ISODOW" -> date.getDayOfWeek().getValue();
            case "HOUR" -> microsOfDay / 3_600_000_000L;
            case "MINUTE" -> microsOfDay / 60_000_000L % 60;
            case "SECOND" -> microsOfDay / 1_000_000L % 60;
            default -> throw new ShoalException(ErrorCode.NOT_SUPPORTED, "EXTRACT(" + unit + ") is not supported");
        };
    }

    static long plusDays(long value, long days, DataType type) {
        return type.kind() == TypeKind.TIMESTAMP ? Decimals.add(value, Decimals.multiply(days, MICROS_PER_DAY))
                : Decimals.add(value, days);
    }

    static long plusMonths(long value, long months, DataType type) {
        if (type.kind() == TypeKind.TIMESTAMP) {
            LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(value, 1_000_000L),
                    (int) Math.floorMod(value, 1_000_000L) * 1000, ZoneOffset.UTC).plusMonths(months);
            return time.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + time.getNano() / 1000;
        }
        return LocalDate.ofEpochDay(value).plusMonths(months).toEpochDay();
    }
}
