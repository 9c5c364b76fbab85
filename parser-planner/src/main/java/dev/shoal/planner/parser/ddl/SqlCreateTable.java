package dev.shoal.planner.parser.ddl;

import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code CREATE TABLE [IF NOT EXISTS] t (col type, ...) [WITH (name = value, ...)]}: an empty table INSERT then fills. */
public final class SqlCreateTable extends SqlCreate {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("CREATE TABLE", SqlKind.CREATE_TABLE);

    private final SqlIdentifier name;
    private final List<ColumnDeclaration> columns;
    private final Map<String, SqlNode> properties;

    public SqlCreateTable(SqlParserPos pos, boolean ifNotExists, SqlIdentifier name, List<ColumnDeclaration> columns,
                          Map<String, SqlNode> properties) {
        super(OPERATOR, pos, false, ifNotExists);
        this.name = name;
        this.columns = List.copyOf(columns);
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    public SqlIdentifier name() {
        return name;
    }

    public List<ColumnDeclaration> columns() {
        return columns;
    }

    public Map<String, SqlNode> properties() {
        return properties;
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
        writer.keyword("CREATE TABLE");
        if (ifNotExists) {
            writer.keyword("IF NOT EXISTS");
        }
        name.unparse(writer, leftPrec, rightPrec);
        SqlWriter.Frame frame = writer.startList("(", ")");
        for (ColumnDeclaration column : columns) {
            writer.sep(",");
            column.name().unparse(writer, 0, 0);
            column.type().unparse(writer, 0, 0);
        }
        writer.endList(frame);
    }
}
