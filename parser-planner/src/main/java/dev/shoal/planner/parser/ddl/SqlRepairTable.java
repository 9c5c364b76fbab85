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
 * {@code MSCK REPAIR TABLE t [ADD|DROP|SYNC PARTITIONS]}: registers the partition folders found
 * under the table's location (ADD, the default, as in Athena), forgets those whose folder has no
 * data files any more (DROP), or both (SYNC), as Hive 3 spells it.
 */
public final class SqlRepairTable extends SqlCall {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("MSCK REPAIR TABLE", SqlKind.OTHER_DDL);

    public enum Mode { ADD, DROP, SYNC }

    private final SqlIdentifier table;
    private final Mode mode;

    public SqlRepairTable(SqlParserPos pos, SqlIdentifier table, Mode mode) {
        super(pos);
        this.table = table;
        this.mode = mode;
    }

    public SqlIdentifier table() {
        return table;
    }

    public Mode mode() {
        return mode;
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
        writer.keyword("MSCK REPAIR TABLE");
        table.unparse(writer, leftPrec, rightPrec);
        writer.keyword(mode.name() + " PARTITIONS");
    }
}
