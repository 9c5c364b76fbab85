package dev.shoal.planner.parser.ddl;

import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;
import java.util.Optional;

/** {@code CREATE SCHEMA|DATABASE [IF NOT EXISTS] name [LOCATION 's3://...']}. */
public final class SqlCreateSchema extends SqlCreate {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("CREATE SCHEMA", SqlKind.CREATE_SCHEMA);

    private final SqlIdentifier name;
    private final Optional<String> location;

    public SqlCreateSchema(SqlParserPos pos, boolean ifNotExists, SqlIdentifier name, Optional<String> location) {
        super(OPERATOR, pos, false, ifNotExists);
        this.name = name;
        this.location = location;
    }

    public SqlIdentifier name() {
        return name;
    }

    public Optional<String> location() {
        return location;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(name);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("CREATE SCHEMA");
        if (ifNotExists) {
            writer.keyword("IF NOT EXISTS");
        }
        name.unparse(writer, leftPrec, rightPrec);
        location.ifPresent(l -> {
            writer.keyword("LOCATION");
            writer.literal("'" + l.replace("'", "''") + "'");
        });
    }
}
