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

/**
 * Trino's and Athena's {@code CREATE TABLE [IF NOT EXISTS] t [WITH (name = value, ...)] AS query
 * [WITH [NO] DATA]}: the table property values as written (string literals, numbers, ARRAY[...]);
 * the coordinator checks them.
 */
public final class SqlCreateTableAs extends SqlCreate {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("CREATE TABLE AS", SqlKind.CREATE_TABLE);

    private final SqlIdentifier name;
    private final Map<String, SqlNode> properties;
    private final SqlNode query;
    private final boolean withData;

    public SqlCreateTableAs(SqlParserPos pos, boolean ifNotExists, SqlIdentifier name, Map<String, SqlNode> properties,
                            SqlNode query, boolean withData) {
        super(OPERATOR, pos, false, ifNotExists);
        this.name = name;
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        this.query = query;
        this.withData = withData;
    }

    public SqlIdentifier name() {
        return name;
    }

    /** By lower-case property name, in the order written. */
    public Map<String, SqlNode> properties() {
        return properties;
    }

    public SqlNode query() {
        return query;
    }

    /** False for {@code WITH NO DATA}: the table is created empty, with the query's columns. */
    public boolean withData() {
        return withData;
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
        writer.keyword("CREATE TABLE");
        if (ifNotExists) {
            writer.keyword("IF NOT EXISTS");
        }
        name.unparse(writer, leftPrec, rightPrec);
        writer.keyword("AS");
        query.unparse(writer, 0, 0);
        if (!withData) {
            writer.keyword("WITH NO DATA");
        }
    }
}
