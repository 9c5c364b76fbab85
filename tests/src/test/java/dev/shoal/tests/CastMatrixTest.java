package dev.shoal.tests;

import dev.shoal.tests.oracle.ResultRows;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CAST between every pair of Shoal's types, from a few values of each (ordinary, edge, and ones
 * that cannot convert): the answer equals DuckDB's whenever both engines answer; a failure is an
 * error whose SQLSTATE says what kind and whose message names the value or the types, never an
 * internal error. Where Trino refuses a cast that DuckDB allows (DATE to INTEGER, say), Shoal
 * refuses it as Trino does.
 */
class CastMatrixTest {
    private static final Map<String, List<String>> VALUES = Map.of(
            "BOOLEAN", List.of("true", "false"),
            "INTEGER", List.of("cast(0 as integer)", "cast(-2147483648 as integer)", "cast(42 as integer)"),
            "BIGINT", List.of("cast(9000000000 as bigint)", "cast(-7 as bigint)"),
            "DOUBLE", List.of("cast(2.675 as double)", "cast(-1e300 as double)", "cast(0.5 as double)"),
            "DECIMAL(10, 2)", List.of("cast(12345678.91 as decimal(10, 2))", "cast(-0.05 as decimal(10, 2))"),
            "VARCHAR", List.of("'123'", "' 4.5 '", "'true'", "'2024-02-29'", "'2024-02-29 13:14:15'", "'abc'", "''"),
            "DATE", List.of("date '2024-02-29'", "date '1969-12-31'"),
            "TIMESTAMP", List.of("timestamp '2024-02-29 13:14:15.123456'", "timestamp '1969-12-31 23:59:59'"));
    private static final List<String> TARGETS = List.of("BOOLEAN", "INTEGER", "BIGINT", "DOUBLE", "DECIMAL(10, 2)",
            "VARCHAR", "DATE", "TIMESTAMP");
    /** SQLSTATEs of a refused cast: invalid value, out of range, types that never convert, unsupported. */
    private static final Set<String> CAST_ERRORS = Set.of("22018", "22003", "42804", "0A000", "22007", "22008");

    /**
     * Where Trino and DuckDB disagree, Shoal answers as Trino; each entry says Shoal's answer and why.
     * (Timestamps reach the client with their microseconds: Shoal's driver reads them from its columnar frames.)
     */
    private static final Map<String, String> TRINO_ANSWERS = Map.of(
            "select cast(cast(0.5 as double) as INTEGER)", "1", // Trino rounds half away from zero, DuckDB half to even
            "select cast(cast(0.5 as double) as BIGINT)", "1",
            "select cast(cast(-1e300 as double) as VARCHAR)", "-1.0E300"); // Trino writes doubles as Java does

    private static Connection shoal;
    private static Connection duck;

    @BeforeAll
    static void start() throws Exception {
        TestCluster cluster = TestCluster.get();
        shoal = cluster.connect();
        duck = DuckDbOracle.open(cluster);
    }

    @AfterAll
    static void stop() throws Exception {
        shoal.close();
        duck.close();
    }

    @Test
    void everyPairAnswersAsDuckDbOrFailsClearly() throws Exception {
        List<String> problems = new ArrayList<>();
        int answered = 0;
        int refused = 0;
        for (Map.Entry<String, List<String>> source : VALUES.entrySet()) {
            for (String value : source.getValue()) {
                for (String target : TARGETS) {
                    String sql = "select cast(" + value + " as " + target + ")";
                    ResultRows actual;
                    try {
                        actual = run(shoal, sql);
                    } catch (SQLException e) {
                        refused++;
                        String message = String.valueOf(e.getMessage());
                        boolean clear = CAST_ERRORS.contains(e.getSQLState()) && !message.contains("INTERNAL")
                                && (message.toUpperCase().contains(target.replace(", ", ",").replaceAll("\\(.*", ""))
                                        || message.contains("cannot cast") || message.contains("Cannot apply"));
                        if (!clear) {
                            problems.add(sql + " -> unclear error " + e.getSQLState() + ": " + message);
                        }
                        if (System.getenv("SHOAL_CAST_REPORT") != null && answers(duck, sql)) {
                            System.out.println("refused where DuckDB answers: " + sql + " -> " + message);
                        }
                        continue;
                    }
                    answered++;
                    if (TRINO_ANSWERS.containsKey(sql)) {
                        String shown = String.valueOf(actual.rows().get(0).get(0));
                        String wanted = TRINO_ANSWERS.get(sql);
                        if (!shown.equals(wanted) && !(actual.rows().get(0).get(0) instanceof BigDecimal d
                                && d.compareTo(new BigDecimal(wanted)) == 0)) {
                            problems.add(sql + " -> " + shown + ", Trino answers " + wanted);
                        }
                        continue;
                    }
                    ResultRows expected;
                    try {
                        expected = run(duck, sql);
                    } catch (SQLException e) {
                        continue; // Trino allows what DuckDB refuses (e.g. a double past a decimal's range is checked by both)
                    }
                    String difference = ResultRows.difference(actual, expected);
                    if (difference != null) {
                        problems.add(sql + " -> " + difference);
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), answered + " casts answered, " + refused + " refused; problems:\n" + String.join("\n", problems));
        assertTrue(answered > 80 && refused > 10, answered + " answered, " + refused + " refused: the matrix lost its cases");
    }

    private static boolean answers(Connection connection, String sql) {
        try {
            run(connection, sql);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static ResultRows run(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            return ResultRows.read(rs);
        }
    }
}
