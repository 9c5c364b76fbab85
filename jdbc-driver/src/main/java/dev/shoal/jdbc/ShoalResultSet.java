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
 * an {@link SQLException} with the server's SQLSTATE, as JDBC promises, not as a RuntimeException.
 */
final class ShoalResultSet extends AvaticaResultSet {
    ShoalResultSet(AvaticaStatement statement, QueryState state, Meta.Signature signature, ResultSetMetaData metaData,
                   TimeZone timeZone, Meta.Frame firstFrame) throws SQLException {
        super(statement, state, signature, metaData, timeZone, firstFrame);
    }

    @Override
    public boolean next() throws SQLException {
        try {
            return super.next();
        } catch (AvaticaClientRuntimeException e) {
            throw ClientErrors.clean(e);
        } catch (SQLException e) {
            throw ClientErrors.clean(e);
        } catch (RuntimeException e) {
            throw new SQLException("fetching rows failed: " + e.getMessage(), "08006", e);
        }
    }
}
