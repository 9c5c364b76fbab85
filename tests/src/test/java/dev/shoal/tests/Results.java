package dev.shoal.tests;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs a statement to its end, as a client does: execute returns once the query has started (its
 * rows arrive as they are computed), so a query's failure, cancel or timeout may come from reading its result.
 */
final class Results {
    private Results() {
    }

    /** Executes {@code sql} and reads every row of its result, if it has one; the rows read. */
    static long runToEnd(Statement statement, String sql) throws SQLException {
        if (!statement.execute(sql)) {
            return 0;
        }
        try (ResultSet rs = statement.getResultSet()) {
            return readAll(rs);
        }
    }

    /** Reads every row of {@code rs} (closing it); the rows read. */
    static long readAll(ResultSet rs) throws SQLException {
        try (rs) {
            long rows = 0;
            while (rs.next()) {
                rows++;
            }
            return rows;
        }
    }
}
