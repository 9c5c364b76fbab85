package dev.shoal.tests;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A differential case: a {@code .sql} file whose header comment lines may say more than "answer
 * as DuckDB does":
 * <pre>
 *   -- duckdb: ...                 DuckDB's spelling of the query where the dialects differ (joined lines)
 *   -- expect-error: 21000 text    Shoal must fail with this SQLSTATE and a message containing the text
 *   -- plan: BROADCAST             EXPLAIN must contain this text (repeatable)
 *   -- empty                       the query finds no rows, on purpose
 * </pre>
 */
record QueryCase(String name, String sql, String duckDbSql, String expectedSqlState, String expectedMessage,
                 List<String> planContains, boolean emptyOnPurpose) {
    static QueryCase parse(String name, String text) {
        String sql = text.trim();
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1);
        }
        String duck = headerValues(sql, "-- duckdb: ").collect(Collectors.joining("\n"));
        String error = headerValues(sql, "-- expect-error: ").findFirst().orElse(null);
        String state = error == null ? null : error.split(" ", 2)[0];
        String message = error == null || !error.contains(" ") ? "" : error.split(" ", 2)[1];
        List<String> plan = headerValues(sql, "-- plan: ").toList();
        boolean empty = sql.toLowerCase(Locale.ROOT).contains("-- empty");
        return new QueryCase(name, sql, duck.isEmpty() ? sql : duck, state, message, plan, empty);
    }

    private static Stream<String> headerValues(String sql, String prefix) {
        return sql.lines().filter(line -> line.startsWith(prefix)).map(line -> line.substring(prefix.length()).trim());
    }

    boolean ordered() {
        return sql.toLowerCase(Locale.ROOT).contains("order by");
    }

    @Override
    public String toString() {
        return name;
    }
}
