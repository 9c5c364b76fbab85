package dev.shoal.jdbc;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Shoal's statements, beyond JDBC: the progress of the query the statement runs or ran last, for
 * a client that shows it (as the shell does), from any thread while execute waits. Reached with
 * {@code statement.unwrap(ShoalQueryInfo.class)}.
 */
public interface ShoalQueryInfo {
    /** The statement's current or last query; empty before its first execute. */
    Optional<QueryProgress> queryProgress() throws SQLException;
}
