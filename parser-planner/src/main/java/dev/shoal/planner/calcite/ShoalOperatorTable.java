package dev.shoal.planner.calcite;

import org.apache.calcite.sql.SqlBasicFunction;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.fun.SqlBasicAggFunction;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlNameMatcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The functions SQL text may call: Calcite's standard ones, plus those Trino and Athena users
 * expect that Calcite defines in its dialect libraries (strpos, split_part, lpad, regexp_like,
 * greatest, if, ...). Calcite only checks their argument types; Shoal evaluates them with Trino's
 * semantics (see {@code RexTranslator} and the executor's function implementations).
 */
public final class ShoalOperatorTable {
    /**
     * Trino's {@code date_diff('unit', a, b)}. The grammar builds this call itself (see parserImpls.ftl),
     * since Calcite's grammar reads DATE_DIFF as BigQuery's {@code DATE_DIFF(a, b, unit)}.
     */
    public static final SqlOperator DATE_DIFF = SqlBasicFunction.create("DATE_DIFF", ReturnTypes.BIGINT_NULLABLE,
            OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.DATETIME, SqlTypeFamily.DATETIME), SqlFunctionCategory.TIMEDATE);

    /** Functions whose Calcite implementation differs from Trino's: never evaluated by Calcite. */
    public static final List<SqlOperator> LIBRARY_FUNCTIONS = List.of(
            TrinoFunctions.IF,
            TrinoFunctions.REPLACE,
            SqlLibraryOperators.GREATEST,
            SqlLibraryOperators.LEAST,
            SqlLibraryOperators.LPAD,
            SqlLibraryOperators.RPAD,
            SqlLibraryOperators.LTRIM,
            SqlLibraryOperators.RTRIM,
            SqlLibraryOperators.STRPOS,
            SqlLibraryOperators.SPLIT_PART,
            SqlLibraryOperators.STARTS_WITH,
            SqlLibraryOperators.ENDS_WITH,
            SqlLibraryOperators.REVERSE,
            SqlLibraryOperators.LENGTH,
            SqlLibraryOperators.CONCAT_FUNCTION,
            SqlLibraryOperators.REGEXP_LIKE,
            SqlLibraryOperators.REGEXP_EXTRACT,
            SqlLibraryOperators.REGEXP_REPLACE_2,
            SqlLibraryOperators.REGEXP_REPLACE_3,
            TrinoFunctions.SUBSTR,
            TrinoFunctions.ROUND,
            TrinoFunctions.TRUNCATE,
            TrinoFunctions.SIGN,
            SqlBasicFunction.create("DAY", ReturnTypes.BIGINT_NULLABLE, OperandTypes.DATETIME, SqlFunctionCategory.TIMEDATE),
            SqlLibraryOperators.POW,
            SqlLibraryOperators.LOG2,
            SqlLibraryOperators.COSH,
            SqlLibraryOperators.TANH,
            SqlLibraryOperators.BOOL_AND,
            SqlLibraryOperators.BOOL_OR,
            // Trino's names for aggregates Calcite spells otherwise.
            SqlBasicAggFunction.create("COUNT_IF", SqlKind.OTHER_FUNCTION, ReturnTypes.BIGINT, OperandTypes.BOOLEAN),
            SqlBasicAggFunction.create("APPROX_DISTINCT", SqlKind.OTHER_FUNCTION, ReturnTypes.BIGINT, OperandTypes.ANY),
            // Trino's date functions take the unit as a string first: date_trunc('month', d).
            SqlBasicFunction.create("DATE_TRUNC", ReturnTypes.ARG1_NULLABLE,
                    OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.DATETIME), SqlFunctionCategory.TIMEDATE),
            SqlBasicFunction.create("DATE_ADD", ReturnTypes.ARG2_NULLABLE,
                    OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER, SqlTypeFamily.DATETIME), SqlFunctionCategory.TIMEDATE),
            DATE_DIFF,
            // Trino's date(x): CAST(x AS DATE), from a string or a timestamp.
            SqlBasicFunction.create("DATE", ReturnTypes.explicit(SqlTypeName.DATE).andThen(SqlTypeTransforms.TO_NULLABLE),
                    OperandTypes.or(OperandTypes.CHARACTER, OperandTypes.DATETIME), SqlFunctionCategory.TIMEDATE),
            // Trino's date_format(timestamp, '%Y-%m-%d'): MySQL's specifiers.
            SqlBasicFunction.create("DATE_FORMAT", ReturnTypes.VARCHAR_NULLABLE,
                    OperandTypes.family(SqlTypeFamily.DATETIME, SqlTypeFamily.CHARACTER), SqlFunctionCategory.TIMEDATE),
            SqlBasicFunction.create("DAY_OF_MONTH", ReturnTypes.BIGINT_NULLABLE, OperandTypes.DATETIME, SqlFunctionCategory.TIMEDATE),
            SqlBasicFunction.create("DAY_OF_WEEK", ReturnTypes.BIGINT_NULLABLE, OperandTypes.DATETIME, SqlFunctionCategory.TIMEDATE),
            SqlBasicFunction.create("DAY_OF_YEAR", ReturnTypes.BIGINT_NULLABLE, OperandTypes.DATETIME, SqlFunctionCategory.TIMEDATE),
            SqlBasicFunction.create("FROM_UNIXTIME", ReturnTypes.explicit(SqlTypeName.TIMESTAMP).andThen(SqlTypeTransforms.TO_NULLABLE),
                    OperandTypes.NUMERIC, SqlFunctionCategory.TIMEDATE),
            // Trino's now() and version(): the statement's start, and the engine's version.
            SqlBasicFunction.create("NOW", ReturnTypes.explicit(SqlTypeName.TIMESTAMP), OperandTypes.NILADIC, SqlFunctionCategory.TIMEDATE)
                    .withDeterministic(false),
            SqlBasicFunction.create("VERSION", ReturnTypes.VARCHAR, OperandTypes.NILADIC, SqlFunctionCategory.SYSTEM));

    /** Standard functions replaced by Trino's typing of them (see {@link TrinoFunctions}). */
    private static final Set<String> REPLACED = Set.of("ROUND", "TRUNCATE", "SIGN");

    public static final SqlOperatorTable INSTANCE = SqlOperatorTables.chain(
            new WithoutReplaced(SqlStdOperatorTable.instance()), SqlOperatorTables.of(LIBRARY_FUNCTIONS));

    /** Calcite's standard table less the functions Shoal types as Trino does, so that a call finds only Shoal's. */
    private record WithoutReplaced(SqlOperatorTable standard) implements SqlOperatorTable {
        @Override
        public void lookupOperatorOverloads(SqlIdentifier name, SqlFunctionCategory category, SqlSyntax syntax,
                                            List<SqlOperator> operators, SqlNameMatcher matcher) {
            List<SqlOperator> found = new ArrayList<>();
            standard.lookupOperatorOverloads(name, category, syntax, found, matcher);
            found.removeIf(WithoutReplaced::replaced);
            operators.addAll(found);
        }

        @Override
        public List<SqlOperator> getOperatorList() {
            return standard.getOperatorList().stream().filter(operator -> !replaced(operator)).toList();
        }

        private static boolean replaced(SqlOperator operator) {
            return operator instanceof SqlFunction && REPLACED.contains(operator.getName());
        }
    }

    private ShoalOperatorTable() {
    }
}
