package dev.shoal.planner.parser.ddl;

import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;

/** Values the grammar reads as literals in DDL: locations, comments, property names and values. */
public final class DdlLiterals {
    private DdlLiterals() {
    }

    /** The text of a string literal (the grammar only passes string literals here). */
    public static String text(SqlNode literal) {
        return ((SqlLiteral) literal).getValueAs(String.class);
    }
}
