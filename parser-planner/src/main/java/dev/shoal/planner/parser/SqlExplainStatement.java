package dev.shoal.planner.parser;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Trino's {@code EXPLAIN [ANALYZE [VERBOSE]] [(option value, ...)] statement}: the statement to
 * explain, whether to run it, and the options as written (the coordinator checks their values).
 */
public final class SqlExplainStatement extends SqlCall {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("EXPLAIN", SqlKind.EXPLAIN);

    /** One {@code name value} pair, such as {@code TYPE DISTRIBUTED}. */
    public record Option(SqlIdentifier name, SqlIdentifier value) {
        public String nameText() {
            return name.getSimple().toUpperCase(Locale.ROOT);
        }

        public String valueText() {
            return value.getSimple().toUpperCase(Locale.ROOT);
        }
    }

    private final SqlNode statement;
    private final boolean analyze;
    private final boolean verbose;
    private final List<Option> options;

    public SqlExplainStatement(SqlParserPos pos, SqlNode statement, boolean analyze, boolean verbose, List<Option> options) {
        super(pos);
        this.statement = statement;
        this.analyze = analyze;
        this.verbose = verbose;
        this.options = List.copyOf(options);
    }

    public SqlNode statement() {
        return statement;
    }

    /** EXPLAIN ANALYZE: run the statement and report what each part of the plan did. */
    public boolean analyze() {
        return analyze;
    }

    public boolean verbose() {
        return verbose;
    }

    public List<Option> options() {
        return options;
    }

    /** The value of an option by name (TYPE, FORMAT), upper-cased; empty when not given. */
    public Optional<Option> option(String name) {
        return options.stream().filter(o -> o.nameText().equals(name)).findFirst();
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(statement);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("EXPLAIN");
        if (analyze) {
            writer.keyword("ANALYZE");
            if (verbose) {
                writer.keyword("VERBOSE");
            }
        }
        if (!options.isEmpty()) {
            SqlWriter.Frame frame = writer.startList("(", ")");
            for (Option option : options) {
                writer.sep(",");
                option.name().unparse(writer, 0, 0);
                option.value().unparse(writer, 0, 0);
            }
            writer.endList(frame);
        }
        statement.unparse(writer, 0, 0);
    }
}
