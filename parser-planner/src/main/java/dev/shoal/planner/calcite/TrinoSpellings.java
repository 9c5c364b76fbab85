package dev.shoal.planner.calcite;

import java.util.Locale;

/**
 * Trino spellings that Calcite's Babel grammar reserves for another dialect. Babel parses
 * {@code DATE_DIFF(a, b, unit)} the BigQuery way, so Trino's {@code date_diff('day', a, b)} fails
 * to parse; the call is renamed before parsing to a same-length alias ({@link #DATE_DIFF_ALIAS}),
 * keeping every error position, and messages name it back.
 */
public final class TrinoSpellings {
    public static final String DATE_DIFF_ALIAS = "DATE$DIFF";
    private static final String DATE_DIFF = "DATE_DIFF";

    private TrinoSpellings() {
    }

    /** The SQL with each call of date_diff (outside literals, quoted names and comments) renamed. */
    public static String rewrite(String sql) {
        if (!sql.toUpperCase(Locale.ROOT).contains(DATE_DIFF)) {
            return sql;
        }
        StringBuilder out = new StringBuilder(sql);
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                i = skipQuoted(sql, i, c);
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
                    i++;
                }
                if (sql.substring(start, i).equalsIgnoreCase(DATE_DIFF) && nextIsOpenParen(sql, i)) {
                    out.replace(start, i, DATE_DIFF_ALIAS);
                }
            } else {
                i++;
            }
        }
        return out.toString();
    }

    /** A message about the renamed call, naming it as the user wrote it. */
    public static String restore(String message) {
        return message == null ? null : message.replace(DATE_DIFF_ALIAS, DATE_DIFF);
    }

    private static int skipQuoted(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return i;
    }

    private static boolean nextIsOpenParen(String sql, int from) {
        int i = from;
        while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
            i++;
        }
        return i < sql.length() && sql.charAt(i) == '(';
    }
}
