package dev.shoal.planner.calcite;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** Functions whose Trino signature Calcite's libraries do not offer: optional trailing arguments. */
final class TrinoFunctions {
    /** {@code if(condition, then [, else])}: without else, NULL when the condition is not true. */
    static final SqlOperator IF = new SqlFunction("IF", SqlKind.OTHER_FUNCTION, TrinoFunctions::ifType, null,
            null, SqlFunctionCategory.SYSTEM) {
        @Override
        public SqlOperandCountRange getOperandCountRange() {
            return SqlOperandCountRanges.between(2, 3);
        }

        @Override
        public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
            if (!SqlTypeUtil.inBooleanFamily(binding.getOperandType(0))) {
                if (throwOnFailure) {
                    throw binding.newValidationSignatureError();
                }
                return false;
            }
            if (ifType(binding) == null) {
                if (throwOnFailure) {
                    throw binding.newValidationSignatureError();
                }
                return false;
            }
            return true;
        }

        @Override
        public String getAllowedSignatures(String name) {
            return "IF(<BOOLEAN>, <T>) | IF(<BOOLEAN>, <T>, <T>)";
        }
    };

    /** {@code replace(string, search [, replacement])}: without a replacement, occurrences are removed. */
    static final SqlOperator REPLACE = new SqlFunction("REPLACE", SqlKind.OTHER_FUNCTION, ReturnTypes.ARG0_NULLABLE_VARYING,
            null, OperandTypes.or(OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER),
                    OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER)),
            SqlFunctionCategory.STRING);

    /**
     * {@code substr(string, start [, length])}: 1-based, a negative start counts from the end. One
     * call to the executor (Calcite's BigQuery SUBSTR expands into a CASE that simplification then
     * copies into every comparison it meets: TPC-DS q08's IN list of 400 zip codes).
     */
    static final SqlOperator SUBSTR = new SqlFunction("SUBSTR", SqlKind.OTHER_FUNCTION, ReturnTypes.ARG0_NULLABLE_VARYING,
            null, OperandTypes.or(OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER),
                    OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER)),
            SqlFunctionCategory.STRING);

    /**
     * {@code round(x [, digits])} with Trino's result types: {@code decimal(p - s + min(1, s), 0)} for a
     * {@code decimal(p, s)} rounded to an integer (round(2.5) is 3, not 3.0), and {@code decimal(p + 1, s)}
     * to some digits (a carry may need one more: round(9.995, 2) is 10.000); other types keep theirs.
     */
    static final SqlOperator ROUND = new SqlFunction("ROUND", SqlKind.OTHER_FUNCTION, binding -> decimalResult(binding, (p, s) ->
            binding.getOperandCount() == 1 ? new int[] {Math.min(38, p - s + Math.min(1, s)), 0} : new int[] {Math.min(38, p + 1), s}),
            null, OperandTypes.or(OperandTypes.NUMERIC, OperandTypes.NUMERIC_INTEGER), SqlFunctionCategory.NUMERIC);

    /** {@code truncate(x [, digits])}, typed as Trino's: {@code decimal(max(1, p - s), 0)} for a decimal truncated to an integer. */
    static final SqlOperator TRUNCATE = new SqlFunction("TRUNCATE", SqlKind.OTHER_FUNCTION, binding -> decimalResult(binding, (p, s) ->
            binding.getOperandCount() == 1 ? new int[] {Math.max(1, p - s), 0} : new int[] {p, s}),
            null, OperandTypes.or(OperandTypes.NUMERIC, OperandTypes.NUMERIC_INTEGER), SqlFunctionCategory.NUMERIC);

    /** {@code sign(x)}: -1, 0 or 1, as {@code decimal(1, 0)} for a decimal (Trino's type), else in x's type. */
    static final SqlOperator SIGN = new SqlFunction("SIGN", SqlKind.OTHER_FUNCTION, binding -> decimalResult(binding, (p, s) ->
            new int[] {1, 0}), null, OperandTypes.NUMERIC, SqlFunctionCategory.NUMERIC);

    private TrinoFunctions() {
    }

    /** The first operand's type, or for a decimal the precision and scale {@code rule} gives it; nullable as the operand. */
    private static RelDataType decimalResult(SqlOperatorBinding binding, BiFunction<Integer, Integer, int[]> rule) {
        RelDataType operand = binding.getOperandType(0);
        if (operand.getSqlTypeName() != SqlTypeName.DECIMAL) {
            return operand;
        }
        int[] type = rule.apply(operand.getPrecision(), operand.getScale());
        RelDataType decimal = binding.getTypeFactory().createSqlType(SqlTypeName.DECIMAL, type[0], type[1]);
        return binding.getTypeFactory().createTypeWithNullability(decimal, operand.isNullable());
    }

    /** The common type of the branches, nullable when else is missing; null when they have none. */
    private static RelDataType ifType(SqlOperatorBinding binding) {
        List<RelDataType> branches = new ArrayList<>();
        for (int i = 1; i < binding.getOperandCount(); i++) {
            branches.add(binding.getOperandType(i));
        }
        RelDataType common = binding.getTypeFactory().leastRestrictive(branches);
        if (common == null || binding.getOperandCount() == 3) {
            return common;
        }
        return binding.getTypeFactory().createTypeWithNullability(common, true);
    }
}
