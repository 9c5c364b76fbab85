package dev.shoal.exec.expression;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.type.DataType;
import dev.shoal.core.type.TypeKind;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.List;
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

    /** date_trunc(unit, x): the start of x's year, quarter, month, ISO week, day, hour, minute or second. */
    static long truncate(String unit, long value, DataType type) {
        boolean timestamp = type.kind() == TypeKind.TIMESTAMP;
        long days = timestamp ? Math.floorDiv(value, MICROS_PER_DAY) : value;
        long microsOfDay = timestamp ? Math.floorMod(value, MICROS_PER_DAY) : 0;
        LocalDate date = LocalDate.ofEpochDay(days);
        String u = unit.toLowerCase(Locale.ROOT);
        LocalDate truncated = switch (u) {
            case "year" -> date.withDayOfYear(1);
            case "quarter" -> date.withDayOfMonth(1).withMonth((date.getMonthValue() - 1) / 3 * 3 + 1);
            case "month" -> date.withDayOfMonth(1);
            case "week" -> date.minusDays(date.getDayOfWeek().getValue() - 1L);
            case "day", "hour", "minute", "second" -> date;
            default -> throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "'" + unit + "' is not a unit of date_trunc");
        };
        if (!timestamp) {
            if (!List.of("year", "quarter", "month", "week", "day").contains(u)) {
                throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "a DATE has no " + unit + " to truncate to");
            }
            return truncated.toEpochDay();
        }
        long unitMicros = switch (u) {
            case "hour" -> 3_600_000_000L;
            case "minute" -> 60_000_000L;
            case "second" -> 1_000_000L;
            default -> MICROS_PER_DAY;
        };
        long keptMicros = unitMicros == MICROS_PER_DAY ? 0 : microsOfDay - microsOfDay % unitMicros;
        return truncated.toEpochDay() * MICROS_PER_DAY + keptMicros;
    }

    /** date_add(unit, amount, x). */
    static long add(String unit, long amount, long value, DataType type) {
        String u = unit.toLowerCase(Locale.ROOT);
        return switch (u) {
            case "day" -> plusDays(value, amount, type);
            case "week" -> plusDays(value, Decimals.multiply(amount, 7), type);
            case "month" -> plusMonths(value, amount, type);
            case "quarter" -> plusMonths(value, Decimals.multiply(amount, 3), type);
            case "year" -> plusMonths(value, Decimals.multiply(amount, 12), type);
            case "hour", "minute", "second", "millisecond" -> {
                if (type.kind() != TypeKind.TIMESTAMP) {
                    throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "cannot add " + unit + "s to a DATE");
                }
                long micros = switch (u) {
                    case "hour" -> 3_600_000_000L;
                    case "minute" -> 60_000_000L;
                    case "second" -> 1_000_000L;
                    default -> 1_000L;
                };
                yield Decimals.add(value, Decimals.multiply(amount, micros));
            }
            default -> throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "'" + unit + "' is not a unit of date_add");
        };
    }

    /**
     * date_diff(unit, x1, x2): whole units from x1 to x2, as Trino counts them (complete months:
     * 2020-01-31 to 2020-02-29 is 0 months; DuckDB counts month boundaries crossed, 1).
     */
    static long diff(String unit, long from, DataType fromType, long to, DataType toType) {
        long a = fromType.kind() == TypeKind.TIMESTAMP ? from : from * MICROS_PER_DAY;
        long b = toType.kind() == TypeKind.TIMESTAMP ? to : to * MICROS_PER_DAY;
        String u = unit.toLowerCase(Locale.ROOT);
        return switch (u) {
            case "millisecond" -> (b - a) / 1_000L;
            case "second" -> (b - a) / 1_000_000L;
            case "minute" -> (b - a) / 60_000_000L;
            case "hour" -> (b - a) / 3_600_000_000L;
            case "day" -> (b - a) / MICROS_PER_DAY;
            case "week" -> (b - a) / (7 * MICROS_PER_DAY);
            case "month", "quarter", "year" -> {
                LocalDateTime start = LocalDateTime.ofEpochSecond(Math.floorDiv(a, 1_000_000L), 0, ZoneOffset.UTC);
                LocalDateTime end = LocalDateTime.ofEpochSecond(Math.floorDiv(b, 1_000_000L), 0, ZoneOffset.UTC);
                long months = ChronoUnit.MONTHS.between(start, end);
                yield u.equals("month") ? months : u.equals("quarter") ? months / 3 : months / 12;
            }
            default -> throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "'" + unit + "' is not a unit of date_diff");
        };
    }
}
