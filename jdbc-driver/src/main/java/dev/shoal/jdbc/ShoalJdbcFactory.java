package dev.shoal.jdbc;

import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.AvaticaPreparedStatement;
import org.apache.calcite.avatica.AvaticaResultSet;
import org.apache.calcite.avatica.AvaticaSpecificDatabaseMetaData;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.UnregisteredDriver;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Properties;
import java.util.TimeZone;

/**
 * Avatica's JDBC 4.1 objects, except connections and statements, which can cancel a running query
 * ({@link ShoalStatement}, {@link ShoalPreparedStatement}), and result sets, which report fetch errors as {@link SQLException}s.
 * Avatica's own factory is package-private, so this one delegates to it.
 */
public final class ShoalJdbcFactory implements AvaticaFactory {
    private final AvaticaFactory avatica;

    public ShoalJdbcFactory() {
        try {
            var constructor = Class.forName("org.apache.calcite.avatica.AvaticaJdbc41Factory").getDeclaredConstructor();
            constructor.setAccessible(true);
            this.avatica = (AvaticaFactory) constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Avatica's JDBC 4.1 factory is missing from the driver jar", e);
        }
    }

    @Override
    public int getJdbcMajorVersion() {
        return avatica.getJdbcMajorVersion();
    }

    @Override
    public int getJdbcMinorVersion() {
        return avatica.getJdbcMinorVersion();
    }

    @Override
    public AvaticaConnection newConnection(UnregisteredDriver driver, AvaticaFactory factory, String url, Properties info)
            throws SQLException {
        return new ShoalConnection(driver, factory, url, info);
    }

    @Override
    public AvaticaStatement newStatement(AvaticaConnection connection, Meta.StatementHandle h, int resultSetType,
                                         int resultSetConcurrency, int resultSetHoldability) throws SQLException {
        return new ShoalStatement(connection, h, resultSetType, resultSetConcurrency, resultSetHoldability);
    }

    @Override
    public AvaticaPreparedStatement newPreparedStatement(AvaticaConnection connection, Meta.StatementHandle h,
                                                         Meta.Signature signature, int resultSetType,
                                                         int resultSetConcurrency, int resultSetHoldability) throws SQLException {
        return new ShoalPreparedStatement(connection, h, signature, resultSetType, resultSetConcurrency, resultSetHoldability);
    }

    @Override
    public AvaticaResultSet newResultSet(AvaticaStatement statement, QueryState state, Meta.Signature signature,
                                         TimeZone timeZone, Meta.Frame firstFrame) throws SQLException {
        return new ShoalResultSet(statement, state, signature, newResultSetMetaData(statement, signature), timeZone, firstFrame);
    }

    @Override
    public AvaticaSpecificDatabaseMetaData newDatabaseMetaData(AvaticaConnection connection) {
        return new ShoalDatabaseMetaData(connection);
    }

    @Override
    public ResultSetMetaData newResultSetMetaData(AvaticaStatement statement, Meta.Signature signature)
            throws SQLException {
        return avatica.newResultSetMetaData(statement, signature);
    }
}
