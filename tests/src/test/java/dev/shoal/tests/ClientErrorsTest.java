package dev.shoal.tests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Errors through the shaded driver: the JDBC subclass for the SQLSTATE's class, the stable vendor
 * code, and the server's message once, {@code CODE: what is wrong}, with nothing of Avatica's around it.
 */
class ClientErrorsTest {
    private static Connection shoal;

    @BeforeAll
    static void start() throws Exception {
        shoal = TestCluster.get().connect();
    }

    @AfterAll
    static void stop() throws Exception {
        shoal.close();
    }

    private static <T extends SQLException> T fails(Class<T> type, String state, int vendorCode, String start, Executable call) {
        SQLException e = assertThrows(SQLException.class, call);
        assertInstanceOf(type, e, e.getClass().getName() + ": " + e.getMessage());
        assertEquals(state, e.getSQLState(), e.getMessage());
        assertEquals(vendorCode, e.getErrorCode(), e.getMessage());
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
        for (String leak : new String[] {"Error while", "Remote driver", "Error " + vendorCode + " (", "dev.shoal", "org.apache", "\tat "}) {
            assertFalse(e.getMessage().contains(leak), "'" + leak + "' in: " + e.getMessage());
        }
        return type.cast(e);
    }

    @Test
    void eachSqlStateClassHasItsJdbcSubclass() throws Exception {
        try (Statement s = shoal.createStatement()) {
            fails(SQLSyntaxErrorException.class, "42000", 0, "SYNTAX_ERROR: syntax error at line 1, column 1", () -> s.execute("selec 1"));
            fails(SQLSyntaxErrorException.class, "42S02", 1, "UNKNOWN_TABLE: ", () -> s.executeQuery("select * from no_such_table"));
            fails(SQLSyntaxErrorException.class, "42804", 3, "TYPE_MISMATCH: ", () -> s.executeQuery("select * from nation where n_name = 1"));
            fails(SQLDataException.class, "22012", 5, "DIVISION_BY_ZERO: ", () -> {
                try (ResultSet rs = s.executeQuery("select n_nationkey / (n_regionkey - n_regionkey) from nation")) {
                    while (rs.next()) {
                        rs.getLong(1);
                    }
                }
            });
            fails(SQLFeatureNotSupportedException.class, "0A000", 4, "NOT_SUPPORTED: ", () -> s.execute("select initcap(n_name) from nation"));
            s.execute("set session query_max_scan_size = '1kB'");
            fails(SQLNonTransientException.class, "54000", 25, "EXCEEDED_SCAN_LIMIT: ", () -> s.executeQuery("select * from lineitem"));
            s.execute("reset session query_max_scan_size");
        }
    }

    @Test
    void preparedStatementsAndBatchesReportTheSameWay() throws Exception {
        try (PreparedStatement p = shoal.prepareStatement("select * from nation where n_nationkey = ?")) {
            fails(SQLException.class, "22018", 8, "INVALID_ARGUMENT: ", p::executeQuery);
        }
        fails(SQLSyntaxErrorException.class, "42S02", 1, "UNKNOWN_TABLE: ", () -> shoal.prepareStatement("select * from nowhere").executeQuery());
        try (Statement s = shoal.createStatement()) {
            s.addBatch("select 1");
            fails(SQLFeatureNotSupportedException.class, "0A000", 4, "NOT_SUPPORTED: ", s::executeBatch);
        }
    }
}
