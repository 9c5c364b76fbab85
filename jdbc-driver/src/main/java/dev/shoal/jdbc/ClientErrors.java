package dev.shoal.jdbc;

import org.apache.calcite.avatica.AvaticaClientRuntimeException;
import org.apache.calcite.avatica.AvaticaSqlException;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLNonTransientException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientException;

/**
 * The coordinator's errors as a JDBC caller should see them: the subclass JDBC names for the
 * SQLSTATE's class, the server's message once ({@code CODE: what is wrong}), without Avatica's
 * "Error N (state) : Error while executing SQL ...: Remote driver error:" around it, and the
 * error's stable vendor code.
 */
final class ClientErrors {
    private static final String REMOTE = "Remote driver error: ";

    private ClientErrors() {
    }

    /** {@code e} as the caller should see it; an error that did not come from the coordinator is left as it is. */
    static SQLException clean(SQLException e) {
        if (!(e instanceof AvaticaSqlException avatica)) {
            return e;
        }
        return of(serverMessage(avatica.getErrorMessage()), e.getSQLState(), e.getErrorCode());
    }

    static SQLException clean(AvaticaClientRuntimeException e) {
        return of(serverMessage(e.getMessage()), e.getSqlState(), e.getErrorCode());
    }

    private static String serverMessage(String message) {
        if (message == null) {
            return "";
        }
        int remote = message.indexOf(REMOTE);
        return remote < 0 ? message : message.substring(remote + REMOTE.length());
    }

    /** The JDBC 4 subclass for a SQLSTATE, as the JDBC specification's table of SQLSTATE classes gives it. */
    static SQLException of(String message, String sqlState, int vendorCode) {
        String state = sqlState == null ? "HY000" : sqlState;
        if (state.equals("HYT00")) {
            return new SQLTimeoutException(message, state, vendorCode);
        }
        return switch (state.substring(0, 2)) {
            case "42" -> new SQLSyntaxErrorException(message, state, vendorCode);
            case "0A" -> new SQLFeatureNotSupportedException(message, state, vendorCode);
            case "22" -> new SQLDataException(message, state, vendorCode);
            case "23" -> new SQLIntegrityConstraintViolationException(message, state, vendorCode);
            case "28" -> new SQLInvalidAuthorizationSpecException(message, state, vendorCode);
            case "08" -> new SQLNonTransientConnectionException(message, state, vendorCode);
            // Insufficient resources (a full queue): the same statement may run later.
            case "53" -> new SQLTransientException(message, state, vendorCode);
            case "21", "3F", "54" -> new SQLNonTransientException(message, state, vendorCode);
            default -> new SQLException(message, state, vendorCode);
        };
    }
}
