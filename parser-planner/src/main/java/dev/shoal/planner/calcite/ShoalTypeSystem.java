package dev.shoal.planner.calcite;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * SQL's type rules as Trino applies them where Calcite's defaults differ: decimals up to 38
 * digits, SUM of a decimal is DECIMAL(38, s), AVG of an integer is DOUBLE, and mixed-length
 * string literals are VARCHAR, not blank-padded CHAR.
 */
public final class ShoalTypeSystem extends RelDataTypeSystemImpl {
    public static final ShoalTypeSystem INSTANCE = new ShoalTypeSystem();
    /** Division keeps at least this scale, and never more than fits an unscaled long. */
    private static final int MIN_DIVIDE_SCALE = 6;
    private static final int MAX_DIVIDE_SCALE = 12;

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

    @Override
    public RelDataType deriveDecimalDivideType(RelDataTypeFactory typeFactory, RelDataType type1, RelDataType type2) {
        RelDataType derived = super.deriveDecimalDivideType(typeFactory, type1, type2);
        if (derived == null || derived.getSqlTypeName() != SqlTypeName.DECIMAL) {
            return derived;
        }
        int scale = Math.min(MAX_DIVIDE_SCALE, Math.max(MIN_DIVIDE_SCALE, Math.max(type1.getScale(), type2.getScale())));
        RelDataType type = typeFactory.createSqlType(SqlTypeName.DECIMAL, 38, scale);
        return typeFactory.createTypeWithNullability(type, derived.isNullable());
    }

    private static RelDataType nullable(RelDataTypeFactory typeFactory, RelDataType type, RelDataType argumentType) {
        return typeFactory.createTypeWithNullability(type, argumentType.isNullable());
    }
}
