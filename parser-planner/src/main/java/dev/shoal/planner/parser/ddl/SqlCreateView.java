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

/**
 * {@code CREATE [OR REPLACE] VIEW v AS query}. {@link #queryStart()} is where the query's text
 * begins in the statement (just after AS), so that the view keeps the query as the user wrote it.
 */
public final class SqlCreateView extends SqlCreate {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("CREATE VIEW", SqlKind.CREATE_VIEW);

    private final SqlIdentifier name;
    private final SqlNode query;
    private final SqlParserPos queryStart;

    public SqlCreateView(SqlParserPos pos, boolean replace, SqlIdentifier name, SqlNode query, SqlParserPos queryStart) {
        super(OPERATOR, pos, replace, false);
        this.name = name;
        this.query = query;
        this.queryStart = queryStart;
    }

    public SqlIdentifier name() {
        return name;
    }

    public SqlNode query() {
        return query;
    }

    /** The AS keyword's position: the query's text starts after its end. */
    public SqlParserPos queryStart() {
        return queryStart;
    }

    /** The query's text in {@code sql}, the statement this node was parsed from. */
    public String queryText(String sql) {
        String[] lines = sql.split("\n", -1);
        int offset = 0;
        for (int line = 1; line < queryStart.getEndLineNum(); line++) {
            offset += lines[line - 1].length() + 1;
        }
        offset += queryStart.getEndColumnNum();
        return sql.substring(Math.min(offset, sql.length())).trim().replaceAll(";\\s*$", "");
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(name, query);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword(getReplace() ? "CREATE OR REPLACE VIEW" : "CREATE VIEW");
        name.unparse(writer, leftPrec, rightPrec);
        writer.keyword("AS");
        query.unparse(writer, 0, 0);
    }
}
