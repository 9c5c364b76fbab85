package dev.shoal.planner;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.planner.calcite.TrinoSpellings;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;

/** Turns Calcite's parse and validation errors into messages with the SQL line and column. */
final class SqlErrors {
    private SqlErrors() {
    }

    static ShoalException syntax(SqlParseException e) {
        SqlParserPos pos = e.getPos();
        String message = TrinoSpellings.restore(firstLine(e.getMessage()));
        return new ShoalException(ErrorCode.SYNTAX_ERROR, pos == null ? "syntax error: " + message
                : "syntax error at line " + pos.getLineNum() + ", column " + pos.getColumnNum() + ": " + message, e);
    }

    static ShoalException validation(CalciteContextException e) {
        String message = TrinoSpellings.restore(
                e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage());
        ErrorCode code = message.contains("Object '") && message.contains("not found") ? ErrorCode.UNKNOWN_TABLE
                : message.startsWith("Column '") && message.contains("not found") ? ErrorCode.UNKNOWN_COLUMN
                : message.contains("No match found for function") ? ErrorCode.NOT_SUPPORTED
                : ErrorCode.TYPE_MISMATCH;
        return new ShoalException(code, "line " + e.getPosLine() + ", column " + e.getPosColumn() + ": " + message, e);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        // Calcite appends the whole list of expected tokens; the first line says what was found.
        int newline = message.indexOf('\n');
        String first = newline < 0 ? message : message.substring(0, newline);
        return first.replaceAll(" at line \\d+, column \\d+\\.?$", "").trim();
    }
}
