package dev.shoal.planner.parser.ddl;

import org.apache.calcite.sql.SqlAbstractDateTimeLiteral;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.type.SqlTypeName;

/** Values the grammar reads as literals in DDL: locations, comments, property names and values. */
public final class DdlLiterals {
    private DdlLiterals() {
    }

    /** The text of a string literal (the grammar only passes string literals here). */
    public static String text(SqlNode literal) {
        return ((SqlLiteral) literal).getValueAs(String.class);
    }

    /** A partition value as a folder name spells it: {@code 'AIR'} is AIR, {@code DATE '2024-01-31'} is 2024-01-31; NULL is null. */
    public static String partitionValue(SqlNode node, boolean negative) {
        SqlLiteral literal = (SqlLiteral) node;
        String text;
        if (literal.getTypeName() == SqlTypeName.NULL) {
            return null;
        } else if (literal instanceof SqlNumericLiteral number) {
            text = number.bigDecimalValue().toPlainString();
        } else if (literal instanceof SqlAbstractDateTimeLiteral datetime) {
            text = datetime.toFormattedString();
        } else if (literal.getTypeName() == SqlTypeName.BOOLEAN) {
            text = String.valueOf(literal.booleanValue());
        } else {
            text = literal.getValueAs(String.class);
        }
        return negative ? "-" + text : text;
    }
}
