package dev.shoal.core.catalog;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Hive's partition folder names: {@code key=value} per partition column, joined by '/', values
 * escaped as Hive's {@code FileUtils.escapePathName} does (%XX for the characters a path or the
 * syntax cannot hold) and NULL spelled {@code __HIVE_DEFAULT_PARTITION__}, so that Hive, Spark,
 * Trino, Athena and DuckDB read the same folders as the same partitions.
 */
public final class PartitionNames {
    public static final String DEFAULT_PARTITION = "__HIVE_DEFAULT_PARTITION__";
    /** The characters Hive escapes in a path segment, besides control characters. */
    private static final String ESCAPED = "\"#%'*/:=?\\\u007F{[]^";

    private PartitionNames() {
    }

    public static String name(List<String> keys, List<String> values) {
        if (keys.size() != values.size()) {
            throw new IllegalArgumentException(keys.size() + " partition columns but " + values.size() + " values");
        }
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) {
                name.append('/');
            }
            name.append(escape(keys.get(i))).append('=').append(values.get(i) == null ? DEFAULT_PARTITION : escape(values.get(i)));
        }
        return name.toString();
    }

    public static String escape(String value) {
        if (value.isEmpty()) {
            return DEFAULT_PARTITION;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < ' ' || ESCAPED.indexOf(c) >= 0) {
                out.append('%').append(String.format(Locale.ROOT, "%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Undoes {@link #escape}, and the %XX of UTF-8 bytes other writers produce; a malformed escape is kept as written. */
    public static String unescape(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        byte[] bytes = new byte[text.length() * 3];
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                bytes[length++] = (byte) Integer.parseInt(text.substring(i + 1, i + 3), 16);
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                System.arraycopy(encoded, 0, bytes, length, encoded.length);
                length += encoded.length;
            }
        }
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    /**
     * The values of a partition name for the given keys, in their order; null for the default
     * partition. A name whose keys are not {@code keys} is an error naming both.
     */
    public static List<String> values(List<String> keys, String name) {
        String[] segments = name.split("/");
        if (segments.length != keys.size()) {
            throw badName(keys, name);
        }
        List<String> values = new ArrayList<>(keys.size());
        for (int i = 0; i < segments.length; i++) {
            int equals = segments[i].indexOf('=');
            if (equals <= 0 || !unescape(segments[i].substring(0, equals)).equalsIgnoreCase(keys.get(i))) {
                throw badName(keys, name);
            }
            String value = segments[i].substring(equals + 1);
            values.add(value.equals(DEFAULT_PARTITION) ? null : unescape(value));
        }
        return values;
    }

    private static ShoalException badName(List<String> keys, String name) {
        return new ShoalException(ErrorCode.INVALID_ARGUMENT, "partition " + name + " does not name the partition columns "
                + String.join(", ", keys) + " in order");
    }
}
