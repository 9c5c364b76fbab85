package dev.shoal.tests;

import dev.shoal.tests.oracle.ResultRows;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every {@code .sql} file under {@code src/test/resources/queries}, plus the TPC-H queries Shoal
 * runs so far, through the shaded JDBC driver, compared with DuckDB on the same Parquet files.
 * A query with ORDER BY is compared in order; any other as a multiset of rows.
 */
class DifferentialQueryTest {
    /** The 22 TPC-H queries, standard text with validation parameters (kept in benchmarks/tpch/queries). */
    private static final List<String> TPCH_QUERIES = IntStream.rangeClosed(1, 22)
            .mapToObj(q -> String.format("q%02d.sql", q)).toList();

    private static TestCluster cluster;
    private static Connection shoal;
    private static Connection duck;

    @BeforeAll
    static void start() throws Exception {
        cluster = TestCluster.get();
        shoal = cluster.connect();
        duck = DuckDbOracle.open(cluster);
    }

    @AfterAll
    static void stop() throws Exception {
        shoal.close();
        duck.close();
    }

    static Stream<Arguments> queries() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        Path local = Path.of("src/test/resources/queries");
        try (Stream<Path> files = Files.list(local)) {
            files.filter(p -> p.toString().endsWith(".sql")).sorted()
                    .forEach(p -> cases.add(Arguments.of(p.getFileName().toString(), p)));
        }
        Path tpch = Path.of(System.getProperty("shoal.tpchQueries", "../benchmarks/tpch/queries"));
        for (String name : TPCH_QUERIES) {
            if (!Files.exists(tpch.resolve(name))) {
                throw new IOException("TPC-H query " + tpch.resolve(name) + " is missing");
            }
            cases.add(Arguments.of("tpch/" + name, tpch.resolve(name)));
        }
        return cases.stream();
    }

    /**
     * The query DuckDB runs: the file's own, unless it has lines starting "-- duckdb: ", which then
     * spell DuckDB's equivalent where the two dialects differ (the file says which and why).
     */
    static String duckDbQuery(String sql) {
        String override = sql.lines().filter(line -> line.startsWith("-- duckdb: "))
                .map(line -> line.substring("-- duckdb: ".length())).collect(java.util.stream.Collectors.joining("\n"));
        return override.isEmpty() ? sql : override;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void answersEqualDuckDb(String name, Path file) throws Exception {
        String sql = Files.readString(file).trim();
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1);
        }
        ResultRows actual;
        try (Statement statement = shoal.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            actual = ResultRows.read(rs);
        }
        ResultRows expected;
        try (Statement statement = duck.createStatement(); ResultSet rs = statement.executeQuery(duckDbQuery(sql))) {
            expected = ResultRows.read(rs);
        }
        boolean ordered = sql.toLowerCase(Locale.ROOT).contains("order by");
        String difference = ordered ? ResultRows.difference(actual, expected)
                : ResultRows.difference(actual.sorted(), expected.sorted());
        assertNull(difference, name + ": " + difference);
        assertTrue(!expected.rows().isEmpty() || sql.toLowerCase(Locale.ROOT).contains("-- empty"),
                name + " returns no rows in DuckDB: the case proves little (mark it '-- empty' if meant)");
    }
}
