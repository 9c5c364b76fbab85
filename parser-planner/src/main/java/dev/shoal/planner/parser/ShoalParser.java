package dev.shoal.planner.parser;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.planner.parser.impl.ShoalParserImpl;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * SQL text to a statement tree, with Shoal's grammar (Calcite's, extended in
 * {@code src/main/codegen}): Trino's reserved words, EXPLAIN [ANALYZE] and Trino's spellings.
 */
public final class ShoalParser {
    private ShoalParser() {
    }

    public static SqlParser.Config config() {
        // Unquoted names fold to lower case, as in Trino, so result columns read l_returnflag.
        return SqlParser.config()
                .withParserFactory(ShoalParserImpl.FACTORY)
                .withCaseSensitive(false)
                .withUnquotedCasing(Casing.TO_LOWER)
                .withQuotedCasing(Casing.UNCHANGED)
                .withQuoting(Quoting.DOUBLE_QUOTE)
                .withConformance(SqlConformanceEnum.LENIENT);
    }

    /** One statement; a syntax error names its line and column, a statement nested too deep is refused. */
    public static SqlNode parse(String sql) {
        SqlNode statement;
        try {
            statement = SqlParser.create(sql, config()).parseStmt();
        } catch (SqlParseException e) {
            throw syntaxError(e);
        }
        ExpressionDepth.check(statement);
        return statement;
    }

    /** A query (SELECT, VALUES, WITH ...), as the ORDER BY of a result is read by tests. */
    public static SqlNode parseQuery(String sql) {
        try {
            return SqlParser.create(sql, config()).parseQuery();
        } catch (SqlParseException e) {
            throw syntaxError(e);
        }
    }

    private static ShoalException syntaxError(SqlParseException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StackOverflowError) {
                // JavaCC's recursive descent ran out of stack: 5000 terms in a row, 2000 parentheses deep.
                return new ShoalException(ErrorCode.STATEMENT_TOO_COMPLEX, "the statement is nested too deeply to parse "
                        + "(expressions, parentheses or subqueries within each other); simplify it or split it", e);
            }
        }
        SqlParserPos pos = e.getPos();
        String message = firstLine(e.getMessage());
        return new ShoalException(ErrorCode.SYNTAX_ERROR, pos == null ? "syntax error: " + message
                : "syntax error at line " + pos.getLineNum() + ", column " + pos.getColumnNum() + ": " + message, e);
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
