package dev.shoal.tests;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JDBC escapes, as ODBC-minded tools write them, run through the shaded driver. */
class JdbcEscapeSyntaxTest {
    @Test
    void escapesInStatementsAndPreparedStatementsRun() throws Exception {
        try (Connection shoal = TestCluster.get().connect(); Statement s = shoal.createStatement()) {
            try (ResultSet rs = s.executeQuery("select {fn ucase(n_name)}, {fn ifnull(null, 'x')} from nation "
                    + "where n_nationkey = {fn abs(-7)} and n_name like 'GER%' {escape '\\'}")) {
                assertTrue(rs.next());
                assertEquals("GERMANY", rs.getString(1));
                assertEquals("x", rs.getString(2));
            }
            try (PreparedStatement p = shoal.prepareStatement(
                    "select count(*) from orders where o_orderdate >= {d '1995-01-01'} and o_orderdate < {fn curdate()} "
                            + "and o_custkey > ? {limit 1}")) {
                p.setInt(1, 0);
                try (ResultSet rs = p.executeQuery(); Statement check = shoal.createStatement();
                     ResultSet expected = check.executeQuery("select count(*) from orders where o_orderdate >= date '1995-01-01'")) {
                    rs.next();
                    expected.next();
                    assertEquals(expected.getLong(1), rs.getLong(1));
                }
            }
            try (ResultSet rs = s.executeQuery("select {ts '2024-02-29 10:11:12'}")) {
                rs.next();
                assertEquals("2024-02-29 10:11:12", rs.getString(1));
            }
            assertEquals("select DATE '2024-01-01'", shoal.nativeSQL("select {d '2024-01-01'}"));
        }
    }

    @Test
    void escapeProcessingTurnedOffSendsTheTextAsItIs() throws Exception {
        try (Connection shoal = TestCluster.get().connect(); Statement s = shoal.createStatement()) {
            s.setEscapeProcessing(false);
            SQLException e = assertThrows(SQLSyntaxErrorException.class, () -> s.executeQuery("select {fn ucase('a')}"));
            assertTrue(e.getMessage().contains("{fn ucase}"), "the JDBC name reaches the server untranslated: " + e.getMessage());
            s.setEscapeProcessing(true);
            SQLException unknown = assertThrows(SQLException.class, () -> s.executeQuery("select {guid 'a'}"));
            assertEquals("42000", unknown.getSQLState());
        }
    }
}
