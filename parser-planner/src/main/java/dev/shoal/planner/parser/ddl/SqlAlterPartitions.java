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

/**
 * {@code ALTER TABLE t ADD [IF NOT EXISTS] PARTITION (...) [LOCATION '...'] ...} and
 * {@code ALTER TABLE t DROP [IF EXISTS] PARTITION (...), ...}, as Hive and Athena spell them.
 */
public final class SqlAlterPartitions extends SqlCall {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("ALTER TABLE PARTITION", SqlKind.ALTER_TABLE);

    private final SqlIdentifier table;
    private final boolean add;
    /** IF NOT EXISTS for ADD, IF EXISTS for DROP. */
    private final boolean lenient;
    private final List<PartitionSpec> partitions;

    public SqlAlterPartitions(SqlParserPos pos, SqlIdentifier table, boolean add, boolean lenient, List<PartitionSpec> partitions) {
        super(pos);
        this.table = table;
        this.add = add;
        this.lenient = lenient;
        this.partitions = List.copyOf(partitions);
    }

    public SqlIdentifier table() {
        return table;
    }

    public boolean add() {
        return add;
    }

    public boolean lenient() {
        return lenient;
    }

    public List<PartitionSpec> partitions() {
        return partitions;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(table);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("ALTER TABLE");
        table.unparse(writer, leftPrec, rightPrec);
        writer.keyword(add ? (lenient ? "ADD IF NOT EXISTS" : "ADD") : (lenient ? "DROP IF EXISTS" : "DROP"));
        for (PartitionSpec partition : partitions) {
            writer.keyword("PARTITION");
            writer.print("(");
            for (int i = 0; i < partition.columns().size(); i++) {
                writer.print((i > 0 ? ", " : "") + partition.columns().get(i) + " = "
                        + (partition.values().get(i) == null ? "NULL" : "'" + partition.values().get(i).replace("'", "''") + "'"));
            }
            writer.print(")");
            partition.location().ifPresent(location -> {
                writer.keyword("LOCATION");
                writer.print("'" + location.replace("'", "''") + "'");
            });
        }
    }
}
