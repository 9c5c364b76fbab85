package dev.shoal.coordinator.server;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;

/**
 * Turns an engine error into what the JDBC client sees: the message as written, an SQLSTATE by
 * error class, and no server stack trace.
 */
final class ErrorTranslator {
    private ErrorTranslator() {
    }

    static AvaticaRuntimeException toClient(RuntimeException e) {
        if (e instanceof AvaticaRuntimeException avatica) {
            return avatica;
        }
        if (e instanceof ShoalException shoal) {
            return new AvaticaRuntimeException(shoal.code() + ": " + shoal.getMessage(), shoal.code().ordinal(),
                    sqlState(shoal.code()), AvaticaSeverity.ERROR);
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new AvaticaRuntimeException("INTERNAL_ERROR: " + message, ErrorCode.INTERNAL_ERROR.ordinal(), "XX000",
                AvaticaSeverity.ERROR);
    }

    private static String sqlState(ErrorCode code) {
        return switch (code) {
            case SYNTAX_ERROR -> "42000";
            case UNKNOWN_TABLE -> "42S02";
            case UNKNOWN_COLUMN -> "42S22";
            case TYPE_MISMATCH -> "42804";
            case NOT_SUPPORTED -> "0A000";
            case DIVISION_BY_ZERO -> "22012";
            case NUMERIC_OVERFLOW -> "22003";
            case INVALID_CAST, INVALID_ARGUMENT -> "22018";
            case QUERY_CANCELED -> "57014";
            case ALREADY_EXISTS -> "42S01";
            case SUBQUERY_MULTIPLE_ROWS -> "21000";
            default -> "HY000";
        };
    }
}
