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

/** {@code ALTER TABLE t RENAME TO u} and {@code ALTER TABLE t ADD COLUMN c type [COMMENT '...']}. */
public final class SqlAlterTable extends SqlCall {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("ALTER TABLE", SqlKind.ALTER_TABLE);

    private final SqlIdentifier name;
    private final Optional<SqlIdentifier> newName;
    private final Optional<ColumnDeclaration> addedColumn;

    private SqlAlterTable(SqlParserPos pos, SqlIdentifier name, Optional<SqlIdentifier> newName, Optional<ColumnDeclaration> addedColumn) {
        super(pos);
        this.name = name;
        this.newName = newName;
        this.addedColumn = addedColumn;
    }

    public static SqlAlterTable rename(SqlParserPos pos, SqlIdentifier name, SqlIdentifier newName) {
        return new SqlAlterTable(pos, name, Optional.of(newName), Optional.empty());
    }

    public static SqlAlterTable addColumn(SqlParserPos pos, SqlIdentifier name, ColumnDeclaration column) {
        return new SqlAlterTable(pos, name, Optional.empty(), Optional.of(column));
    }

    public SqlIdentifier name() {
        return name;
    }

    /** Present for RENAME TO. */
    public Optional<SqlIdentifier> newName() {
        return newName;
    }

    /** Present for ADD COLUMN. */
    public Optional<ColumnDeclaration> addedColumn() {
        return addedColumn;
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
        writer.keyword("ALTER TABLE");
        name.unparse(writer, leftPrec, rightPrec);
        newName.ifPresent(n -> {
            writer.keyword("RENAME TO");
            n.unparse(writer, leftPrec, rightPrec);
        });
        addedColumn.ifPresent(c -> {
            writer.keyword("ADD COLUMN");
            c.name().unparse(writer, leftPrec, rightPrec);
            c.type().unparse(writer, leftPrec, rightPrec);
        });
    }
}
