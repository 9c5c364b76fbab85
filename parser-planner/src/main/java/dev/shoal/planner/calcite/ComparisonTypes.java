package dev.shoal.planner.calcite;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlValidator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Comparisons between values Trino will not compare: a string with a number, a date or a boolean
 * ({@code n_name = 1}, {@code n_nationkey IN ('a', 'b')}). Calcite's validator lets them through
 * without implicit coercion, and they failed when run; Trino refuses them at planning with
 * "Cannot apply operator", and so does Shoal, naming the line and column.
 */
public final class ComparisonTypes {
    private static final Set<SqlKind> COMPARISONS = Set.of(SqlKind.EQUALS, SqlKind.NOT_EQUALS, SqlKind.LESS_THAN,
            SqlKind.LESS_THAN_OR_EQUAL, SqlKind.GREATER_THAN, SqlKind.GREATER_THAN_OR_EQUAL, SqlKind.IS_DISTINCT_FROM,
            SqlKind.IS_NOT_DISTINCT_FROM, SqlKind.IN, SqlKind.NOT_IN, SqlKind.BETWEEN);

    private ComparisonTypes() {
    }

    /** Walks a validated statement; fails with TYPE_MISMATCH at the first comparison of incomparable types. */
    public static void check(SqlNode validated, SqlValidator validator) {
        validated.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (COMPARISONS.contains(call.getKind())) {
                    checkCall(call, validator);
                }
                return super.visit(call);
            }
        });
    }

    private static void checkCall(SqlCall call, SqlValidator validator) {
        List<SqlNode> operands = new ArrayList<>();
        for (SqlNode operand : call.getOperandList()) {
            if (operand instanceof SqlNodeList list) {
                operands.addAll(list.getList());
            } else {
                operands.add(operand);
            }
        }
        RelDataType first = typeOf(operands.get(0), validator);
        for (SqlNode operand : operands.subList(1, operands.size())) {
            RelDataType other = typeOf(operand, validator);
            if (first != null && other != null && !comparable(first, other)) {
                SqlParserPos pos = call.getParserPosition();
                throw new ShoalException(ErrorCode.TYPE_MISMATCH, "line " + pos.getLineNum() + ", column " + pos.getColumnNum()
                        + ": Cannot apply operator: " + name(first) + " " + call.getOperator().getName() + " " + name(other));
            }
        }
    }

    private static RelDataType typeOf(SqlNode node, SqlValidator validator) {
        // A subquery's or a row's type says nothing here; only scalar operands are checked.
        return node.getKind() == SqlKind.SELECT || node.getKind() == SqlKind.ROW ? null : validator.getValidatedNodeTypeIfKnown(node);
    }

    private static boolean comparable(RelDataType a, RelDataType b) {
        if (a.getSqlTypeName() == SqlTypeName.NULL || b.getSqlTypeName() == SqlTypeName.NULL) {
            return true;
        }
        SqlTypeFamily fa = a.getSqlTypeName().getFamily();
        SqlTypeFamily fb = b.getSqlTypeName().getFamily();
        if (fa == null || fb == null || fa == fb) {
            return true;
        }
        boolean aText = fa == SqlTypeFamily.CHARACTER;
        boolean bText = fb == SqlTypeFamily.CHARACTER;
        // A string beside anything else; a boolean beside anything else.
        return !(aText || bText || fa == SqlTypeFamily.BOOLEAN || fb == SqlTypeFamily.BOOLEAN)
                || (isDatetime(fa) && isDatetime(fb));
    }

    private static boolean isDatetime(SqlTypeFamily family) {
        return family == SqlTypeFamily.DATE || family == SqlTypeFamily.TIMESTAMP || family == SqlTypeFamily.DATETIME;
    }

    private static String name(RelDataType type) {
        return type.getSqlTypeName().getName().toLowerCase(Locale.ROOT);
    }
}
