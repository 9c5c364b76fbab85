package dev.shoal.planner.parser;

import dev.shoal.planner.calcite.ShoalOperatorTable;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;

/** Calls the grammar reads in Trino's spelling where Calcite's grammar has another dialect's. */
public final class TrinoCalls {
    private TrinoCalls() {
    }

    /** {@code date_diff('unit', a, b)}: the unit first, as a string. */
    public static SqlNode dateDiff(SqlParserPos pos, List<SqlNode> args) {
        return ShoalOperatorTable.DATE_DIFF.createCall(pos, args);
    }
}
