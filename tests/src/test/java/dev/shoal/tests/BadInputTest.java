package dev.shoal.tests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad SQL and bad files give an error that names the problem, and the server answers the next query. */
class BadInputTest {
    private static Connection connection;

    @BeforeAll
    static void connect() throws Exception {
        connection = TestCluster.get().connect();
    }

    @AfterAll
    static void close() throws Exception {
        connection.close();
    }

    private static SQLException fails(String sql) {
        SQLException e = assertThrows(SQLException.class, () -> {
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    // Errors may surface while rows stream.
                }
            }
        });
        assertFalse(e.getMessage().contains("e2e-secret-do-not-print"), "an error showed the S3 secret: " + e.getMessage());
        assertServerStillAnswers();
        return e;
    }

    private static void assertServerStillAnswers() {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("select count(*) from region")) {
            assertTrue(rs.next());
            assertEquals(5, rs.getLong(1));
        } catch (SQLException e) {
            throw new AssertionError("server did not answer after an error", e);
        }
    }

    @Test
    void scalarSubqueryWithSeveralRowsFailsAtRunTime() {
        SQLException e = fails("select n_name, (select r_name from region where r_regionkey < 3) from nation");
        assertEquals("21000", e.getSQLState());
        assertTrue(e.getMessage().contains("Scalar sub-query has returned multiple rows"), e.getMessage());
    }

    @Test
    void correlatedScalarSubqueryWithSeveralRowsForOneKeyFails() {
        SQLException e = fails("select n_name, (select s_name from supplier s where s.s_nationkey = n.n_nationkey) from nation n");
        assertEquals("21000", e.getSQLState());
        assertTrue(e.getMessage().contains("Scalar sub-query has returned multiple rows"), e.getMessage());
    }

    @Test
    void syntaxErrorNamesLineAndColumn() {
        SQLException e = fails("select l_orderkey\nfrom lineitem\nwhere l_quantity >");
        assertEquals("42000", e.getSQLState());
        assertTrue(e.getMessage().contains("syntax error at line 3, column"), e.getMessage());
    }

    @Test
    void explainNamesAnOptionItCannotHonour() {
        SQLException type = fails("explain (type io) select 1");
        assertEquals("0A000", type.getSQLState());
        assertTrue(type.getMessage().contains("EXPLAIN type IO is not supported"), type.getMessage());
        SQLException option = fails("explain (colour red) select 1");
        assertEquals("42000", option.getSQLState());
        assertTrue(option.getMessage().contains("unknown EXPLAIN option COLOUR"), option.getMessage());
    }

    @Test
    void aStatementTooDeepToPlanIsAnSqlErrorAndTheServerGoesOn() {
        String sum = "n_nationkey" + " + n_nationkey".repeat(5000);
        SQLException e = fails("select " + sum + " from nation");
        String end = e.getMessage().substring(Math.max(0, e.getMessage().length() - 300));
        assertEquals("54001", e.getSQLState(), end);
        assertTrue(end.contains("nested too deeply"), end);

        // Shallower, it parses: planning either answers or says the same, never an unreadable server error.
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("select " + "n_nationkey" + " + n_nationkey".repeat(1000) + " from nation where n_nationkey = 1")) {
            assertTrue(rs.next());
            assertEquals(1001, rs.getLong(1));
        } catch (SQLException tooDeep) {
            assertEquals("54001", tooDeep.getSQLState());
        }
        assertServerStillAnswers();
    }

    @Test
    void unknownTableIsNamedWithPosition() {
        SQLException e = fails("select * from lineitems");
        assertEquals("42S02", e.getSQLState());
        assertTrue(e.getMessage().contains("lineitems") && e.getMessage().contains("line 1, column 15"), e.getMessage());
    }

    @Test
    void unknownColumnIsNamedWithPosition() {
        SQLException e = fails("select l_orderkey,\n       l_price\nfrom lineitem");
        assertEquals("42S22", e.getSQLState());
        assertTrue(e.getMessage().contains("l_price") && e.getMessage().contains("line 2, column 8"), e.getMessage());
    }

    @Test
    void typeErrorIsNamedWithPosition() {
        SQLException e = fails("select l_comment * 2 from lineitem");
        assertTrue(e.getMessage().contains("line 1, column 8"), e.getMessage());
    }

    @Test
    void divisionByZeroIsAnError() {
        SQLException e = fails("select l_quantity / (l_linenumber - l_linenumber) from lineitem");
        assertEquals("22012", e.getSQLState());
        assertTrue(e.getMessage().contains("division by zero"), e.getMessage());
    }

    @Test
    void corruptParquetFileIsNamed() {
        SQLException e = fails("select count(x) from corrupt");
        assertTrue(e.getMessage().contains("s3://lake/corrupt/part-1.parquet"), e.getMessage());
    }

    @Test
    void missingBucketIsNamed() {
        SQLException e = fails("select count(x) from nobucket");
        assertTrue(e.getMessage().contains("no-such-bucket"), e.getMessage());
    }

    @Test
    void unsupportedConstructIsRefusedByName() {
        SQLException e = fails("select o_orderkey, count(*) over (order by o_orderdate range between interval '1' month preceding and current row) from orders");
        assertEquals("0A000", e.getSQLState());
        assertTrue(e.getMessage().contains("RANGE offset over a DATE key other than an interval of days"), e.getMessage());
    }

    @Test
    void failedCastNamesTheValueAndTheTypes() {
        SQLException e = fails("select cast(o_orderpriority as integer) from orders");
        assertEquals("22018", e.getSQLState());
        assertTrue(e.getMessage().contains("cannot cast '") && e.getMessage().contains("to INTEGER"), e.getMessage());
    }

    @Test
    void invalidRegularExpressionIsNamed() {
        SQLException e = fails("select regexp_like(n_name, '[unclosed') from nation");
        assertTrue(e.getMessage().contains("invalid regular expression '[unclosed'"), e.getMessage());
    }

    @Test
    void failureInsideAWindowOrJoinOnAWorkerReachesTheClient() {
        SQLException e = fails("select n_name, ntile(0) over (order by n_name) from nation");
        assertTrue(e.getMessage().contains("NTILE's bucket count must be positive"), e.getMessage());
    }

    @Test
    void unsupportedDateFormatSpecifierIsNamed() {
        SQLException e = fails("select date_format(o_orderdate, '%Y week %U') from orders");
        assertTrue(e.getMessage().contains("%U"), e.getMessage());
    }

    @Test
    void decimalPastThirtyEightDigitsIsAnOverflowNotAWrongAnswer() {
        SQLException e = fails("select cast(o_totalprice as decimal(38, 2)) * 100000000000000000000000000000000 from orders");
        assertEquals("22003", e.getSQLState());
        assertTrue(e.getMessage().contains("does not fit DECIMAL(38"), e.getMessage());
    }
}
