package dev.shoal.coordinator.server;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;

/**
 * Turns an engine error into what the JDBC client sees: the message as written, the code's SQLSTATE
 * and vendor code, and no server stack trace.
 */
final class ErrorTranslator {
    private ErrorTranslator() {
    }

    static AvaticaRuntimeException toClient(RuntimeException e) {
        if (e instanceof AvaticaRuntimeException avatica) {
            return avatica;
        }
        if (e instanceof ShoalException shoal) {
            return new AvaticaRuntimeException(shoal.code() + ": " + shoal.getMessage(), shoal.code().code(),
                    shoal.code().sqlState(), AvaticaSeverity.ERROR);
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        ErrorCode internal = ErrorCode.INTERNAL_ERROR;
        return new AvaticaRuntimeException(internal + ": " + message, internal.code(), internal.sqlState(), AvaticaSeverity.ERROR);
    }
}
