package dev.shoal.jdbc;

import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaPreparedStatement;
import org.apache.calcite.avatica.Meta;

import java.io.InputStream;
import java.io.Reader;
import java.sql.NClob;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLXML;

/**
 * Avatica's prepared statement with {@link ShoalStatement}'s cancel, query timeout and close. The
 * JDBC 4.1 setters for types Shoal does not have (LOBs, streams, RowId, SQLXML) refuse plainly
 * instead of sending the coordinator a value it cannot take; setNString is setString.
 */
final class ShoalPreparedStatement extends AvaticaPreparedStatement implements ShoalQueryInfo {
    private final QueryCanceller canceller;

    ShoalPreparedStatement(AvaticaConnection connection, Meta.StatementHandle h, Meta.Signature signature, int resultSetType,
                           int resultSetConcurrency, int resultSetHoldability) throws SQLException {
        super(connection, h, signature, resultSetType, resultSetConcurrency, resultSetHoldability);
        this.canceller = new QueryCanceller((ShoalConnection) connection, this);
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        return canceller.timed(getQueryTimeout(), super::executeQuery);
    }

    @Override
    public boolean execute() throws SQLException {
        return canceller.timed(getQueryTimeout(), () -> {
            boolean rows = super.execute();
            updateCount = PendingUpdates.resolve(this, updateCount);
            return rows;
        });
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        return canceller.timed(getQueryTimeout(), () -> {
            super.executeLargeUpdate();
            updateCount = PendingUpdates.resolve(this, updateCount);
            return updateCount;
        });
    }

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
    public void setNString(int parameterIndex, String value) throws SQLException {
        setString(parameterIndex, value);
    }

    private static SQLFeatureNotSupportedException unsupported(String what) {
        return new SQLFeatureNotSupportedException(what + " parameters are not supported: Shoal has no such type", "0A000");
    }

    @Override
    public void setRowId(int parameterIndex, RowId x) throws SQLException {
        throw unsupported("RowId");
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value, long length) throws SQLException {
        throw unsupported("character stream");
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
        throw unsupported("character stream");
    }

    @Override
    public void setNClob(int parameterIndex, NClob value) throws SQLException {
        throw unsupported("NClob");
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
        throw unsupported("NClob");
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader) throws SQLException {
        throw unsupported("NClob");
    }

    @Override
    public void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
        throw unsupported("Clob");
    }

    @Override
    public void setClob(int parameterIndex, Reader reader) throws SQLException {
        throw unsupported("Clob");
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream, long length) throws SQLException {
        throw unsupported("Blob");
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
        throw unsupported("Blob");
    }

    @Override
    public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
        throw unsupported("SQLXML");
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
        throw unsupported("stream");
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
        throw unsupported("stream");
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException {
        throw unsupported("stream");
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
        throw unsupported("stream");
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader, long length) throws SQLException {
        throw unsupported("character stream");
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader) throws SQLException {
        throw unsupported("character stream");
    }

    @Override
    public java.util.Optional<QueryProgress> queryProgress() throws SQLException {
        return CoordinatorEndpoint.progress(this);
    }
}
