package dev.shoal.planner.parser.ddl;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;
import java.util.Optional;

/** {@code SET SESSION name = value}, or {@code RESET SESSION name} when there is no value. */
public final class SqlSetSession extends SqlCall {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("SET SESSION", SqlKind.OTHER);

    private final SqlIdentifier name;
    private final SqlNode value;

    public SqlSetSession(SqlParserPos pos, SqlIdentifier name, SqlNode value) {
        super(pos);
        this.name = name;
        this.value = value;
    }

    public SqlIdentifier name() {
        return name;
    }

    /** The value given; empty for RESET SESSION. */
    public Optional<SqlNode> value() {
        return Optional.ofNullable(value);
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return value == null ? List.of(name) : List.of(name, value);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword(value == null ? "RESET SESSION" : "SET SESSION");
        name.unparse(writer, leftPrec, rightPrec);
        if (value != null) {
            writer.keyword("=");
            value.unparse(writer, leftPrec, rightPrec);
        }
    }
}
