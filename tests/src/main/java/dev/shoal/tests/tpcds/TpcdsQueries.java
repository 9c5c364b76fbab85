package dev.shoal.tests.tpcds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The 99 TPC-DS queries as 103 files ({@code q14}, {@code q23}, {@code q24} and {@code q39} in two
 * parts), in Trino's dialect: Trino's product-test copies with their substitution parameters,
 * kept byte for byte in {@code tests/tpcds/queries}. Where Trino's semantics differ from DuckDB's
 * (decimal quotients and averages, concat with NULL), {@code tests/tpcds/duckdb} holds the text
 * DuckDB runs instead, each file stating the rule it applies, per column, and why.
 */
public final class TpcdsQueries {
    private TpcdsQueries() {
    }

    /**
     * A query's name ({@code q14_1}), its text without a trailing semicolon, and the text DuckDB
     * runs to answer as Trino would (the same text unless a file in the sibling {@code duckdb} folder says otherwise).
     */
    public record Query(String name, String sql, String duckDbSql) {
        @Override
        public String toString() {
            return name;
        }
    }

    public static List<Query> load(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().matches("q\\d\\d(_\\d)?\\.sql")).sorted()
                    .map(file -> read(file, folder.resolveSibling("duckdb").resolve(file.getFileName()))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the TPC-DS queries in " + folder, e);
        }
    }

    private static Query read(Path file, Path duckDbFile) {
        String sql = text(file);
        return new Query(file.getFileName().toString().replace(".sql", ""), sql, Files.exists(duckDbFile) ? text(duckDbFile) : sql);
    }

    private static String text(Path file) {
        try {
            String sql = Files.readString(file).trim();
            return sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
