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
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every {@code .sql} file under {@code src/test/resources/queries} (in folders by area), plus the
 * 22 TPC-H queries, through the shaded JDBC driver, compared with DuckDB on the same Parquet files.
 * A query with ORDER BY is compared in order; any other as a multiset of rows. A case's header may
 * state an expected error or plan property instead or as well ({@link QueryCase}).
 */
class DifferentialQueryTest {
    /** The 22 TPC-H queries, standard text with validation parameters (kept in tests/tpch/queries). */
    private static final List<String> TPCH_QUERIES = IntStream.rangeClosed(1, 22)
            .mapToObj(q -> String.format("q%02d.sql", q)).toList();

    private static TestCluster cluster;
    private static Connection shoal;
    private static Connection duck;
    private static Connection oneDriver;

    @BeforeAll
    static void start() throws Exception {
        cluster = TestCluster.get();
        shoal = withConcurrency(cluster.connect(), 2);
        oneDriver = withConcurrency(cluster.connect(), 1);
        duck = DuckDbOracle.open(cluster);
    }

    /** Each pipeline of a task runs with {@code drivers} drivers on every worker, whatever its processors. */
    private static Connection withConcurrency(Connection connection, int drivers) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("set session task_concurrency = " + drivers);
        }
        return connection;
    }

    @AfterAll
    static void stop() throws Exception {
        shoal.close();
        oneDriver.close();
        duck.close();
    }

    static Stream<Arguments> queries() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        Path local = Path.of("src/test/resources/queries");
        try (Stream<Path> files = Files.walk(local)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                String name = local.relativize(file).toString().replace('\\', '/');
                cases.add(Arguments.of(QueryCase.parse(name, Files.readString(file))));
            }
        }
        Path tpch = Path.of(System.getProperty("shoal.tpchQueries", "tpch/queries"));
        for (String name : TPCH_QUERIES) {
            if (!Files.exists(tpch.resolve(name))) {
                throw new IOException("TPC-H query " + tpch.resolve(name) + " is missing");
            }
            cases.add(Arguments.of(QueryCase.parse("tpch/" + name, Files.readString(tpch.resolve(name)))));
        }
        return cases.stream();
    }

    /** With two drivers a pipeline. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void answersEqualDuckDb(QueryCase query) throws Exception {
        answersEqualDuckDb(query, shoal);
    }

    /** The same answers with one driver a pipeline (the engine's serial path). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void answersEqualDuckDbWithOneDriver(QueryCase query) throws Exception {
        answersEqualDuckDb(query, oneDriver);
    }

    private static void answersEqualDuckDb(QueryCase query, Connection connection) throws Exception {
        if (query.expectedSqlState() != null) {
            SQLException e = assertThrows(SQLException.class, () -> rows(connection, query.sql()), query.name() + " should fail");
            assertEquals(query.expectedSqlState(), e.getSQLState(), query.name() + ": " + e.getMessage());
            assertTrue(e.getMessage().contains(query.expectedMessage()), query.name() + ": " + e.getMessage());
            return;
        }
        for (String fragment : query.planContains()) {
            String plan = String.join("\n", rows(connection, "explain " + query.sql()).rows().stream().map(row -> String.valueOf(row.get(0))).toList());
            assertTrue(plan.contains(fragment), query.name() + ": the plan has no " + fragment + "\n" + plan);
        }
        ResultRows actual = rows(connection, query.sql());
        ResultRows expected;
        try (Statement statement = duck.createStatement(); ResultSet rs = statement.executeQuery(query.duckDbSql())) {
            expected = ResultRows.read(rs);
        }
        String difference = query.ordered() ? ResultRows.difference(actual, expected)
                : ResultRows.difference(actual.sorted(), expected.sorted());
        assertNull(difference, query.name() + ": " + difference);
        assertTrue(!expected.rows().isEmpty() || query.emptyOnPurpose(),
                query.name() + " returns no rows in DuckDB: the case proves little (mark it '-- empty' if meant)");
    }

    private static ResultRows rows(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            return ResultRows.read(rs);
        }
    }
}
