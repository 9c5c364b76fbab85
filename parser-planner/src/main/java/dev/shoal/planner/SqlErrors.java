package dev.shoal.planner;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import org.apache.calcite.runtime.CalciteContextException;

/** Turns Calcite's validation errors into messages with the SQL line and column. */
final class SqlErrors {
    private SqlErrors() {
    }

    static ShoalException validation(CalciteContextException e) {
        String message = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
        ErrorCode code = message.contains("Object '") && message.contains("not found") ? ErrorCode.UNKNOWN_TABLE
                : message.startsWith("Column '") && message.contains("not found") ? ErrorCode.UNKNOWN_COLUMN
                : message.contains("No match found for function") ? ErrorCode.NOT_SUPPORTED
                : ErrorCode.TYPE_MISMATCH;
        return new ShoalException(code, "line " + e.getPosLine() + ", column " + e.getPosColumn() + ": " + message, e);
    }
}
