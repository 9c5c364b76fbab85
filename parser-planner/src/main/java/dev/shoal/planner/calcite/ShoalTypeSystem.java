package dev.shoal.planner.calcite;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * SQL's type rules as Trino applies them where Calcite's defaults differ: decimals up to 38
 * digits, SUM of a decimal is DECIMAL(38, s), AVG of an integer is DOUBLE, a decimal quotient has
 * Trino's precision and scale, and mixed-length string literals are VARCHAR, not blank-padded CHAR.
 * Addition, subtraction, multiplication and modulo already follow Trino's rules in Calcite.
 */
public final class ShoalTypeSystem extends RelDataTypeSystemImpl {
    public static final ShoalTypeSystem INSTANCE = new ShoalTypeSystem();

    @Override
    public int getMaxPrecision(SqlTypeName typeName) {
        return switch (typeName) {
            case DECIMAL -> 38;
            // Timestamps are stored in microseconds: literals keep all six fractional digits (Calcite stops at 3).
            case TIMESTAMP, TIME -> 6;
            default -> super.getMaxPrecision(typeName);
        };
    }

    /** CAST(x AS TIMESTAMP) keeps microseconds, as stored, instead of Calcite's whole seconds. */
    @Override
    public int getDefaultPrecision(SqlTypeName typeName) {
        return typeName == SqlTypeName.TIMESTAMP || typeName == SqlTypeName.TIME ? 6 : super.getDefaultPrecision(typeName);
    }

    @Override
    public int getMaxScale(SqlTypeName typeName) {
        return typeName == SqlTypeName.DECIMAL ? 38 : super.getMaxScale(typeName);
    }

    @Override
    public boolean shouldConvertRaggedUnionTypesToVarying() {
        return true;
    }

    @Override
    public RelDataType deriveSumType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
        return switch (argumentType.getSqlTypeName()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT -> nullable(typeFactory, typeFactory.createSqlType(SqlTypeName.BIGINT), argumentType);
            case DECIMAL -> nullable(typeFactory,
                    typeFactory.createSqlType(SqlTypeName.DECIMAL, 38, argumentType.getScale()), argumentType);
            default -> super.deriveSumType(typeFactory, argumentType);
        };
    }

    @Override
    public RelDataType deriveAvgAggType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
        return switch (argumentType.getSqlTypeName()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT, FLOAT, REAL, DOUBLE ->
                    nullable(typeFactory, typeFactory.createSqlType(SqlTypeName.DOUBLE), argumentType);
            default -> super.deriveAvgAggType(typeFactory, argumentType);
        };
    }

    /**
     * Trino's rule for a decimal quotient (integers count as DECIMAL(10,0) and BIGINT as
     * DECIMAL(19,0)): DECIMAL(min(38, p1 + s2 + max(0, s2 - s1)), max(s1, s2)), rounded half up.
     * Calcite's default keeps at least six fraction digits; Athena's users expect Trino's numbers.
     */
    @Override
    public RelDataType deriveDecimalDivideType(RelDataTypeFactory typeFactory, RelDataType type1, RelDataType type2) {
        RelDataType derived = super.deriveDecimalDivideType(typeFactory, type1, type2);
        if (derived == null || derived.getSqlTypeName() != SqlTypeName.DECIMAL) {
            return derived;
        }
        int p1 = type1.getPrecision();
        int s1 = type1.getScale();
        int s2 = type2.getScale();
        int scale = Math.max(s1, s2);
        int precision = Math.min(38, Math.max(p1 + s2 + Math.max(0, s2 - s1), scale));
        RelDataType type = typeFactory.createSqlType(SqlTypeName.DECIMAL, precision, scale);
        return typeFactory.createTypeWithNullability(type, derived.isNullable());
    }

    private static RelDataType nullable(RelDataTypeFactory typeFactory, RelDataType type, RelDataType argumentType) {
        return typeFactory.createTypeWithNullability(type, argumentType.isNullable());
    }
}
