package dev.shoal.planner.calcite;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.core.type.DataType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.List;

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

    /** A row of catalog columns (a table's or a view's), each nullable as Parquet columns are. */
    public static RelDataType rowType(RelDataTypeFactory factory, List<ScanColumn> columns) {
        RelDataTypeFactory.Builder builder = factory.builder();
        for (ScanColumn column : columns) {
            builder.add(column.name(), toCalcite(factory, column.type()));
        }
        return builder.build();
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
