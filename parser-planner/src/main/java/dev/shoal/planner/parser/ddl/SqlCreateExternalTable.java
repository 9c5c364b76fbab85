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
import java.util.Map;
import java.util.Optional;

/**
 * Athena's {@code CREATE EXTERNAL TABLE [IF NOT EXISTS] t [(col type [COMMENT '...'], ...)]
 * [COMMENT '...'] [PARTITIONED BY (col type, ...)] STORED AS format LOCATION 's3://...'
 * [TBLPROPERTIES ('key' = 'value', ...)]}. Without a column list the columns come from the files.
 */
public final class SqlCreateExternalTable extends SqlCreate {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("CREATE EXTERNAL TABLE", SqlKind.CREATE_TABLE);

    private final SqlIdentifier name;
    private final List<ColumnDeclaration> columns;
    private final List<ColumnDeclaration> partitionColumns;
    private final Optional<String> comment;
    private final SqlIdentifier format;
    private final String location;
    private final Map<String, String> properties;

    public SqlCreateExternalTable(SqlParserPos pos, boolean ifNotExists, SqlIdentifier name, List<ColumnDeclaration> columns,
                                  Optional<String> comment, List<ColumnDeclaration> partitionColumns, SqlIdentifier format,
                                  String location, Map<String, String> properties) {
        super(OPERATOR, pos, false, ifNotExists);
        this.name = name;
        this.columns = List.copyOf(columns);
        this.comment = comment;
        this.partitionColumns = List.copyOf(partitionColumns);
        this.format = format;
        this.location = location;
        this.properties = Map.copyOf(properties);
    }

    public SqlIdentifier name() {
        return name;
    }

    /** Empty when the statement gave no column list. */
    public List<ColumnDeclaration> columns() {
        return columns;
    }

    public List<ColumnDeclaration> partitionColumns() {
        return partitionColumns;
    }

    public Optional<String> comment() {
        return comment;
    }

    public SqlIdentifier format() {
        return format;
    }

    public String location() {
        return location;
    }

    public Map<String, String> properties() {
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
        writer.keyword("CREATE EXTERNAL TABLE");
        if (ifNotExists) {
            writer.keyword("IF NOT EXISTS");
        }
        name.unparse(writer, leftPrec, rightPrec);
        writer.keyword("STORED AS");
        format.unparse(writer, leftPrec, rightPrec);
        writer.keyword("LOCATION");
        writer.literal("'" + location.replace("'", "''") + "'");
    }
}
