package dev.shoal.catalog.history;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Query history in the catalog's SQLite or PostgreSQL database (table shoal_query_history, migrations V6 and V7). */
public final class JdbcQueryHistoryStore implements QueryHistoryStore {
    private static final String COLUMNS = "query_id, state, user_name, source, query_text, queued_ms, analysis_ms, planning_ms, "
            + "created_at, started_at, last_heartbeat_at, ended_at, error_type, error_code, error_message, output_rows, bytes_scanned, "
            + "peak_memory_bytes";

    /** Opens a connection to the catalog's database. */
    public interface Connections {
        Connection open() throws SQLException;
    }

    private final Connections connections;
    private final String description;

    public JdbcQueryHistoryStore(Connections connections, String description) {
        this.connections = connections;
        this.description = description;
    }

    @Override
    public void add(List<QueryRecord> ended) {
        if (ended.isEmpty()) {
            return;
        }
        try (Connection connection = connections.open()) {
            connection.setAutoCommit(false);
            Set<String> present = presentIds(connection, ended);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO shoal_query_history (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (QueryRecord record : ended) {
                    if (present.add(record.queryId())) {
                        bind(insert, record);
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
            connection.commit();
        } catch (SQLException e) {
            throw error("cannot record the query history", e);
        }
    }

    private static Set<String> presentIds(Connection connection, List<QueryRecord> records) throws SQLException {
        Set<String> present = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM shoal_query_history WHERE query_id = ?")) {
            for (QueryRecord record : records) {
                select.setString(1, record.queryId());
                try (ResultSet rs = select.executeQuery()) {
                    if (rs.next()) {
                        present.add(record.queryId());
                    }
                }
            }
        }
        return present;
    }

    private static void bind(PreparedStatement s, QueryRecord r) throws SQLException {
        s.setString(1, r.queryId());
        s.setString(2, r.state());
        s.setString(3, r.user());
        s.setString(4, r.source());
        s.setString(5, r.query());
        s.setLong(6, r.queuedMillis());
        s.setLong(7, r.analysisMillis());
        s.setLong(8, r.planningMillis());
        s.setLong(9, r.created().toEpochMilli());
        setInstant(s, 10, r.started());
        s.setLong(11, r.lastHeartbeat().toEpochMilli());
        s.setLong(12, r.end().toEpochMilli());
        s.setString(13, r.errorType());
        s.setString(14, r.errorCode());
        s.setString(15, r.errorMessage());
        s.setLong(16, r.rows());
        s.setLong(17, r.bytesScanned());
        if (r.peakMemoryBytes() == null) {
            s.setNull(18, Types.BIGINT);
        } else {
            s.setLong(18, r.peakMemoryBytes());
        }
    }

    private static void setInstant(PreparedStatement s, int index, Instant instant) throws SQLException {
        if (instant == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, instant.toEpochMilli());
        }
    }

    private static Long nullableLong(ResultSet rs, int index) throws SQLException {
        long value = rs.getLong(index);
        return rs.wasNull() ? null : value;
    }

    @Override
    public List<QueryRecord> recent(int limit) {
        try (Connection connection = connections.open();
             PreparedStatement s = connection.prepareStatement(
                     "SELECT " + COLUMNS + " FROM shoal_query_history ORDER BY ended_at DESC, query_id DESC LIMIT ?")) {
            s.setInt(1, limit);
            List<QueryRecord> records = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    records.add(new QueryRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getLong(6), rs.getLong(7), rs.getLong(8), Instant.ofEpochMilli(rs.getLong(9)), instant(rs, 10),
                            Instant.ofEpochMilli(rs.getLong(11)), Instant.ofEpochMilli(rs.getLong(12)), rs.getString(13),
                            rs.getString(14), rs.getString(15), rs.getLong(16), rs.getLong(17), nullableLong(rs, 18)));
                }
            }
            return records;
        } catch (SQLException e) {
            throw error("cannot read the query history", e);
        }
    }

    private static Instant instant(ResultSet rs, int index) throws SQLException {
        long millis = rs.getLong(index);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    @Override
    public void keepNewest(int count) {
        try (Connection connection = connections.open();
             PreparedStatement s = connection.prepareStatement("DELETE FROM shoal_query_history WHERE ended_at < "
                     + "(SELECT ended_at FROM shoal_query_history ORDER BY ended_at DESC LIMIT 1 OFFSET ?)")) {
            s.setInt(1, Math.max(0, count - 1));
            s.executeUpdate();
        } catch (SQLException e) {
            throw error("cannot trim the query history", e);
        }
    }

    private ShoalException error(String what, SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        return new ShoalException(ErrorCode.CATALOG_ERROR, what + " at " + description + ": " + message, e);
    }
}
