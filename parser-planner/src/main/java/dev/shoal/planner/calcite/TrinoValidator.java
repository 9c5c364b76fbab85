package dev.shoal.planner.calcite;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidatorCatalogReader;
import org.apache.calcite.sql.validate.SqlValidatorImpl;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * Calcite's validator with Trino's untyped NULL: {@code SELECT NULL}, {@code VALUES (1), (NULL)} and
 * {@code coalesce(NULL, 1)} are valid, the NULL taking the type of what it meets (Calcite refuses a
 * NULL whose type it cannot infer unless implicit coercion is on, which Shoal keeps off).
 */
public final class TrinoValidator extends SqlValidatorImpl {
    public TrinoValidator(SqlOperatorTable operators, SqlValidatorCatalogReader catalogReader, RelDataTypeFactory typeFactory,
                          Config config) {
        super(operators, catalogReader, typeFactory, config);
    }

    @Override
    protected void inferUnknownTypes(RelDataType inferredType, SqlValidatorScope scope, SqlNode node) {
        if (node instanceof SqlLiteral literal && literal.getTypeName() == SqlTypeName.NULL && inferredType.equals(unknownType)) {
            // The NULL type: Calcite's least-restrictive rules give way to the other operands' types.
            deriveType(scope, node);
            return;
        }
        super.inferUnknownTypes(inferredType, scope, node);
    }
}
