package dev.shoal.exec.expression;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.type.DataType;
import dev.shoal.core.type.TypeKind;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Trino's {@code date_format(timestamp, format)} with MySQL's specifiers (%Y-%m-%d %H:%i:%s).
 * Specifiers Trino rejects or leaves unsupported (%D, %U, %u, %V, %v, %w, %X, %x) fail with an
 * error naming them.
 */
final class DateFormat {
    private DateFormat() {
    }

    static String format(long value, DataType type, String format) {
        LocalDateTime time = type.kind() == TypeKind.TIMESTAMP
                ? LocalDateTime.ofEpochSecond(Math.floorDiv(value, 1_000_000L), (int) Math.floorMod(value, 1_000_000L) * 1000, ZoneOffset.UTC)
                : LocalDateTime.ofEpochSecond(value * 86_400L, 0, ZoneOffset.UTC);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 == format.length()) {
                out.append(c);
                continue;
            }
            char spec = format.charAt(++i);
            switch (spec) {
                case 'Y' -> out.append(pad(time.getYear(), 4));
                case 'y' -> out.append(pad(Math.floorMod(time.getYear(), 100), 2));
                case 'm' -> out.append(pad(time.getMonthValue(), 2));
                case 'c' -> out.append(time.getMonthValue());
                case 'M' -> out.append(time.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                case 'b' -> out.append(time.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                case 'd' -> out.append(pad(time.getDayOfMonth(), 2));
                case 'e' -> out.append(time.getDayOfMonth());
                case 'j' -> out.append(pad(time.getDayOfYear(), 3));
                case 'W' -> out.append(time.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                case 'a' -> out.append(time.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                case 'H' -> out.append(pad(time.getHour(), 2));
                case 'k' -> out.append(time.getHour());
                case 'h', 'I' -> out.append(pad(twelveHour(time.getHour()), 2));
                case 'l' -> out.append(twelveHour(time.getHour()));
                case 'i' -> out.append(pad(time.getMinute(), 2));
                case 's', 'S' -> out.append(pad(time.getSecond(), 2));
                case 'f' -> out.append(pad(time.getNano() / 1000, 6));
                case 'p' -> out.append(time.getHour() < 12 ? "AM" : "PM");
                case 'r' -> out.append(pad(twelveHour(time.getHour()), 2)).append(':').append(pad(time.getMinute(), 2))
                        .append(':').append(pad(time.getSecond(), 2)).append(time.getHour() < 12 ? " AM" : " PM");
                case 'T' -> out.append(pad(time.getHour(), 2)).append(':').append(pad(time.getMinute(), 2))
                        .append(':').append(pad(time.getSecond(), 2));
                case '%' -> out.append('%');
                default -> throw new ShoalException(ErrorCode.INVALID_ARGUMENT,
                        "date_format does not support the specifier %" + spec + " in '" + format + "'");
            }
        }
        return out.toString();
    }

    private static int twelveHour(int hour) {
        return hour % 12 == 0 ? 12 : hour % 12;
    }

    private static String pad(int value, int width) {
        String digits = Integer.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }
}
