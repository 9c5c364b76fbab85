package dev.shoal.planner.parser.ddl;

import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code INSERT OVERWRITE [TABLE] t [(columns)] query}, Spark's and Hive's spelling: the files of
 * the partitions the query writes (of the whole table, when it is not partitioned) are replaced.
 */
public final class SqlInsertOverwrite extends SqlInsert {
    public SqlInsertOverwrite(SqlParserPos pos, SqlNode targetTable, SqlNode source, SqlNodeList columnList) {
        super(pos, SqlNodeList.EMPTY, targetTable, source, columnList);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("INSERT OVERWRITE");
        getTargetTable().unparse(writer, leftPrec, rightPrec);
        if (getTargetColumnList() != null) {
            getTargetColumnList().unparse(writer, leftPrec, rightPrec);
        }
        getSource().unparse(writer, 0, 0);
    }
}
