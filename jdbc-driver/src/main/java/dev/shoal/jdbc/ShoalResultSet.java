package dev.shoal.jdbc;

import org.apache.calcite.avatica.AvaticaClientRuntimeException;
import org.apache.calcite.avatica.AvaticaResultSet;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.QueryState;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.TimeZone;

/**
 * Avatica's result set, except that an error while fetching the next frame (a query failing
 * mid-stream: a lost worker, a corrupt file further on) reaches the caller of {@link #next()} as
 * an {@link SQLException} with the server's SQLSTATE, as JDBC promises, not as a RuntimeException;
 * and that the statement's max rows end it, for a PreparedStatement too (whose limit Avatica's
 * client does not send), stopping the query on the coordinator once reached.
 */
final class ShoalResultSet extends AvaticaResultSet {
    private final long maxRows;
    private final AvaticaStatement owner;
    private long rowsRead;

    ShoalResultSet(AvaticaStatement statement, QueryState state, Meta.Signature signature, ResultSetMetaData metaData,
                   TimeZone timeZone, Meta.Frame firstFrame) throws SQLException {
        super(statement, state, signature, metaData, timeZone, firstFrame);
        this.owner = statement;
        this.maxRows = statement.getLargeMaxRows();
    }

    @Override
    public boolean next() throws SQLException {
        if (maxRows > 0 && rowsRead >= maxRows) {
            stopQuery();
            return false;
        }
        try {
            boolean more = super.next();
            if (more) {
                rowsRead++;
            }
            return more;
        } catch (AvaticaClientRuntimeException e) {
            throw ClientErrors.clean(e);
        } catch (SQLException e) {
            throw ClientErrors.clean(e);
        } catch (RuntimeException e) {
            throw new SQLException("fetching rows failed: " + e.getMessage(), "08006", e);
        }
    }

    /** The client wants no more rows: the rest of the query is not computed. */
    private void stopQuery() {
        try {
            if (owner.getConnection() instanceof ShoalConnection connection && owner.handle != null) {
                connection.cancelRunning(owner.handle);
            }
        } catch (SQLException | RuntimeException e) {
            // The query ended already, or the coordinator is gone: nothing left to stop.
        }
    }
}
