package dev.shoal.jdbc;

import org.apache.calcite.avatica.AvaticaClientRuntimeException;
import org.apache.calcite.avatica.AvaticaResultSet;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.util.Cursor;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
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
    /** The statement's canceller while this result's query may still run; null once it ended. */
    private volatile QueryCanceller canceller;

    ShoalResultSet(AvaticaStatement statement, QueryState state, Meta.Signature signature, ResultSetMetaData metaData,
                   TimeZone timeZone, Meta.Frame firstFrame) throws SQLException {
        super(statement, state, signature, metaData, timeZone, firstFrame);
        this.owner = statement;
        this.maxRows = statement.getLargeMaxRows();
    }

    /**
     * Avatica's own execute, except that the rows come through {@link ResultFrames} (the frames
     * after the first from the coordinator's frames endpoint, read ahead) and {@link ColumnarRows}
     * (columnar frames opened into rows), and each column is read through a {@link ShoalAccessor}
     * (getObject(column, Class), and a TIMESTAMP's microseconds).
     */
    @Override
    protected AvaticaResultSet execute() throws SQLException {
        if (!(statement.connection instanceof ShoalConnection connection)) {
            return super.execute();
        }
        ColumnarRows rows = new ColumnarRows(ResultFrames.of(connection, statement, state, signature, firstFrame));
        execute2(MetaImpl.createCursor(signature.cursorFactory, rows), columnMetaDataList);
        List<Cursor.Accessor> accessors = new ArrayList<>(accessorList.size());
        for (int i = 0; i < accessorList.size(); i++) {
            int column = i;
            accessors.add(columnMetaDataList.get(i).type.id == Types.TIMESTAMP
                    ? new TimestampAccessor(accessorList.get(i), localCalendar, () -> rows.value(column))
                    : new ShoalAccessor(accessorList.get(i), localCalendar));
        }
        accessorList = accessors;
        return this;
    }

    /**
     * Whether this result's query may still be running, in which case {@code watcher} (its
     * statement's timeout and close) keeps watching it until the result ends.
     */
    boolean watch(QueryCanceller watcher) throws SQLException {
        if (isClosed() || firstFrame == null || firstFrame.done) {
            return false;
        }
        canceller = watcher;
        return true;
    }

    @Override
    public boolean next() throws SQLException {
        if (maxRows > 0 && rowsRead >= maxRows) {
            stopQuery();
            ended();
            return false;
        }
        try {
            boolean more = super.next();
            if (more) {
                rowsRead++;
            } else {
                ended();
            }
            return more;
        } catch (ResultFrames.FetchFailure e) {
            throw failed(e.sqlException());
        } catch (AvaticaClientRuntimeException e) {
            throw failed(ClientErrors.clean(e));
        } catch (SQLException e) {
            throw failed(e);
        } catch (RuntimeException e) {
            throw failed(new SQLException("fetching rows failed: " + e.getMessage(), "08006", e));
        }
    }

    @Override
    public void close() {
        ended();
        super.close();
    }

    private SQLException failed(SQLException e) {
        QueryCanceller watcher = canceller;
        ended();
        return watcher == null ? ClientErrors.clean(e) : watcher.translate(e);
    }

    private void ended() {
        QueryCanceller watcher = canceller;
        canceller = null;
        if (watcher != null) {
            watcher.stop();
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
