package dev.shoal.jdbc;

import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;

import java.sql.SQLException;

/**
 * Avatica's statement whose {@link #cancel()} stops the query on the coordinator (Avatica's only
 * sets a flag, and waits for the running call to end first), whose query timeout cancels the query
 * when it runs out, and whose {@link #close()} during a query cancels it instead of waiting.
 */
final class ShoalStatement extends AvaticaStatement implements ShoalQueryInfo {
    private final QueryCanceller canceller;

    ShoalStatement(AvaticaConnection connection, Meta.StatementHandle h, int resultSetType, int resultSetConcurrency,
                   int resultSetHoldability) {
        super(connection, h, resultSetType, resultSetConcurrency, resultSetHoldability);
        this.canceller = new QueryCanceller((ShoalConnection) connection, this);
    }

    private volatile boolean escapeProcessing = true;

    /** Every execute(String) comes here: JDBC escapes are rewritten first (unless turned off). */
    @Override
    protected void executeInternal(String sql) throws SQLException {
        super.executeInternal(escapeProcessing ? JdbcEscapes.translate(sql) : sql);
        updateCount = PendingUpdates.resolve(this, updateCount);
    }

    @Override
    public void setEscapeProcessing(boolean enable) throws SQLException {
        checkOpen();
        escapeProcessing = enable;
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        return canceller.timed(getQueryTimeout(), () -> super.execute(sql));
    }

    @Override
    public java.sql.ResultSet executeQuery(String sql) throws SQLException {
        return canceller.timed(getQueryTimeout(), () -> super.executeQuery(sql));
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        return canceller.timed(getQueryTimeout(), () -> super.executeLargeUpdate(sql));
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        return canceller.timed(getQueryTimeout(), super::executeLargeBatch);
    }

    /** Not synchronized, unlike Avatica's: it must reach the coordinator while another thread waits in execute. */
    @Override
    public void cancel() throws SQLException {
        canceller.cancel();
    }

    @Override
    public void close() throws SQLException {
        canceller.cancelIfRunning();
        super.close();
    }

    @Override
    public java.util.Optional<QueryProgress> queryProgress() throws SQLException {
        return CoordinatorEndpoint.progress(this);
    }
}
