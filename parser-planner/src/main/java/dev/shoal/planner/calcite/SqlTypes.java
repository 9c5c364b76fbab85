package dev.shoal.planner.calcite;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.type.DataType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/** Maps between Calcite's types and Shoal's. */
public final class SqlTypes {
    private SqlTypes() {
    }

    public static DataType toShoal(RelDataType type) {
        return switch (type.getSqlTypeName()) {
            case BOOLEAN -> DataType.BOOLEAN;
            case TINYINT, SMALLINT, INTEGER -> DataType.INTEGER;
            case BIGINT -> DataType.BIGINT;
            case DECIMAL -> DataType.decimal(type.getPrecision(), type.getScale());
            case FLOAT, REAL, DOUBLE -> DataType.DOUBLE;
            case CHAR, VARCHAR, NULL -> DataType.VARCHAR;
            case DATE -> DataType.DATE;
            case TIMESTAMP -> DataType.TIMESTAMP;
            default -> throw new ShoalException(ErrorCode.NOT_SUPPORTED, "type " + type.getFullTypeString() + " is not supported");
        };
    }

    public static RelDataType toCalcite(RelDataTypeFactory factory, DataType type) {
        RelDataType sql = switch (type.kind()) {
            case BOOLEAN -> factory.createSqlType(SqlTypeName.BOOLEAN);
            case INTEGER -> factory.createSqlType(SqlTypeName.INTEGER);
            case BIGINT -> factory.createSqlType(SqlTypeName.BIGINT);
            case DECIMAL -> factory.createSqlType(SqlTypeName.DECIMAL, type.precision(), type.scale());
            case DOUBLE -> factory.createSqlType(SqlTypeName.DOUBLE);
            case VARCHAR -> factory.createSqlType(SqlTypeName.VARCHAR);
            case DATE -> factory.createSqlType(SqlTypeName.DATE);
            case TIMESTAMP -> factory.createSqlType(SqlTypeName.TIMESTAMP, 6);
        };
        return factory.createTypeWithNullability(sql, true);
    }
}
