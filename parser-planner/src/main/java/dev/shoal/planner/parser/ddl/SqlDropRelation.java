package dev.shoal.planner.parser.ddl;

import org.apache.calcite.sql.SqlDrop;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;

/** {@code DROP TABLE [IF EXISTS] name} and {@code DROP VIEW [IF EXISTS] name}. */
public final class SqlDropRelation extends SqlDrop {
    private static final SqlOperator DROP_TABLE = new SqlSpecialOperator("DROP TABLE", SqlKind.DROP_TABLE);
    private static final SqlOperator DROP_VIEW = new SqlSpecialOperator("DROP VIEW", SqlKind.DROP_VIEW);

    private final SqlIdentifier name;
    private final boolean view;

    public SqlDropRelation(SqlParserPos pos, boolean ifExists, SqlIdentifier name, boolean view) {
        super(view ? DROP_VIEW : DROP_TABLE, pos, ifExists);
        this.name = name;
        this.view = view;
    }

    public SqlIdentifier name() {
        return name;
    }

    /** DROP VIEW rather than DROP TABLE. */
    public boolean view() {
        return view;
    }

    @Override
    public SqlOperator getOperator() {
        return view ? DROP_VIEW : DROP_TABLE;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(name);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword(view ? "DROP VIEW" : "DROP TABLE");
        if (ifExists) {
            writer.keyword("IF EXISTS");
        }
        name.unparse(writer, leftPrec, rightPrec);
    }
}
