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
 * kept byte for byte in {@code tests/tpcds/queries}.
 */
public final class TpcdsQueries {
    private TpcdsQueries() {
    }

    /** A query's name ({@code q14_1}) and text, without a trailing semicolon. */
    public record Query(String name, String sql) {
    }

    public static List<Query> load(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().matches("q\\d\\d(_\\d)?\\.sql")).sorted()
                    .map(TpcdsQueries::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the TPC-DS queries in " + folder, e);
        }
    }

    private static Query read(Path file) {
        try {
            String sql = Files.readString(file).trim();
            return new Query(file.getFileName().toString().replace(".sql", ""), sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
