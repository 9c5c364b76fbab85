package dev.shoal.jdbc;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;

/**
 * JDBC's escape syntax, which ODBC-minded tools write, rewritten into Shoal's SQL before a
 * statement is sent: {@code {d '2024-01-31'}}, {@code {t '...'}} and {@code {ts '...'}} become
 * typed literals, {@code {fn ucase(x)}} a call (JDBC's function names mapped to Trino's where they
 * differ), {@code {escape '\'}} LIKE's ESCAPE, {@code {oj ...}} the outer join inside, {@code {call
 * p(...)}} CALL and {@code {limit n [offset m]}} LIMIT. Text inside quotes and comments is left
 * alone; escapes nest.
 */
final class JdbcEscapes {
    /** JDBC's scalar function names whose Trino spelling differs; the others (abs, concat, year, ...) are the same. */
    private static final Map<String, String> FUNCTIONS = Map.of("ucase", "upper", "lcase", "lower", "ifnull", "coalesce",
            "curdate", "current_date", "dayofmonth", "day_of_month", "dayofyear", "day_of_year", "user", "current_user",
            "database", "current_schema");
    /** Functions JDBC writes with parentheses that Trino spells as a bare keyword. */
    private static final java.util.Set<String> NO_PARENTHESES = java.util.Set.of("current_date", "current_user");

    private JdbcEscapes() {
    }

    /** {@code sql} with every escape rewritten; unchanged when it has none. */
    static String translate(String sql) throws SQLException {
        if (sql == null || sql.indexOf('{') < 0) {
            return sql;
        }
        StringBuilder out = new StringBuilder(sql.length());
        int end = translate(sql, 0, out, false);
        if (end != sql.length()) {
            throw unbalanced(sql, end);
        }
        return out.toString();
    }

    /** Copies {@code sql} from {@code start} into {@code out}, rewriting escapes; inside one, stops at its closing brace. */
    private static int translate(String sql, int start, StringBuilder out, boolean inEscape) throws SQLException {
        int i = start;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int close = closingQuote(sql, i, c);
                out.append(sql, i, close);
                i = close;
            } else if (c == '-' && sql.startsWith("--", i)) {
                int close = sql.indexOf('\n', i);
                close = close < 0 ? sql.length() : close;
                out.append(sql, i, close);
                i = close;
            } else if (c == '/' && sql.startsWith("/*", i)) {
                int close = sql.indexOf("*/", i + 2);
                close = close < 0 ? sql.length() : close + 2;
                out.append(sql, i, close);
                i = close;
            } else if (c == '{') {
                i = escape(sql, i, out);
            } else if (c == '}') {
                if (!inEscape) {
                    throw unbalanced(sql, i);
                }
                return i;
            } else {
                out.append(c);
                i++;
            }
        }
        if (inEscape) {
            throw unbalanced(sql, sql.length());
        }
        return i;
    }

    /** Rewrites the escape whose brace is at {@code open}; the position after its closing brace. */
    private static int escape(String sql, int open, StringBuilder out) throws SQLException {
        int i = open + 1;
        while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
            i++;
        }
        int wordStart = i;
        while (i < sql.length() && (Character.isLetter(sql.charAt(i)) || sql.charAt(i) == '?' || sql.charAt(i) == '=')) {
            i++;
        }
        String keyword = sql.substring(wordStart, i).toLowerCase(Locale.ROOT);
        StringBuilder body = new StringBuilder();
        int close = translate(sql, i, body, true);
        String inside = body.toString().trim();
        switch (keyword) {
            case "d" -> out.append("DATE ").append(inside);
            case "t" -> out.append("TIME ").append(inside);
            case "ts" -> out.append("TIMESTAMP ").append(inside);
            case "escape" -> out.append("ESCAPE ").append(inside);
            case "oj" -> out.append(inside);
            case "call" -> out.append("CALL ").append(inside);
            case "limit" -> out.append("LIMIT ").append(inside.replaceFirst("(?i)\\s+offset\\s+", " OFFSET "));
            case "fn" -> out.append(function(inside));
            default -> throw new SQLException("unknown JDBC escape {" + keyword + " ...} at position " + (open + 1)
                    + ": Shoal takes {d}, {t}, {ts}, {fn}, {escape}, {oj}, {call} and {limit}", "42000");
        }
        return close + 1;
    }

    /** A {@code {fn name(args)}} call with JDBC's name in Trino's spelling. */
    private static String function(String call) {
        int paren = call.indexOf('(');
        String name = (paren < 0 ? call : call.substring(0, paren)).trim();
        String trino = FUNCTIONS.get(name.toLowerCase(Locale.ROOT));
        if (trino == null) {
            return call;
        }
        String arguments = paren < 0 ? "" : call.substring(paren);
        if (NO_PARENTHESES.contains(trino) && arguments.replaceAll("\\s", "").equals("()")) {
            return trino;
        }
        return trino + arguments;
    }

    /** The position after the quote that closes the one at {@code open} (doubled quotes stay inside). */
    private static int closingQuote(String sql, int open, char quote) {
        int i = open + 1;
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
        return sql.length();
    }

    private static SQLException unbalanced(String sql, int position) {
        return new SQLException("unbalanced braces of a JDBC escape at position " + (position + 1) + " of the statement", "42000");
    }
}
