package dev.shoal.parquet.reader;

import dev.shoal.core.type.DataType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

import java.util.Optional;

/** The SQL type of a Parquet column, from its physical type and logical annotation. */
public final class ParquetTypes {
    private ParquetTypes() {
    }

    /** Empty when Shoal cannot read the column (nested types, unsupported annotations). */
    public static Optional<DataType> sqlType(Type field) {
        if (!field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED)) {
            return Optional.empty();
        }
        PrimitiveType primitive = field.asPrimitiveType();
        LogicalTypeAnnotation logical = primitive.getLogicalTypeAnnotation();
        if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation decimal) {
            return Optional.of(DataType.decimal(decimal.getPrecision(), decimal.getScale()));
        }
        return switch (primitive.getPrimitiveTypeName()) {
            case BOOLEAN -> Optional.of(DataType.BOOLEAN);
            case INT32 -> logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation
                    ? Optional.of(DataType.DATE) : Optional.of(DataType.INTEGER);
            case INT64 -> logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation
                    ? Optional.of(DataType.TIMESTAMP) : Optional.of(DataType.BIGINT);
            case INT96 -> Optional.of(DataType.TIMESTAMP);
            case FLOAT, DOUBLE -> Optional.of(DataType.DOUBLE);
            case BINARY -> logical == null || logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                    || logical instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
                    || logical instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation
                    ? Optional.of(DataType.VARCHAR) : Optional.empty();
            case FIXED_LEN_BYTE_ARRAY -> Optional.empty();
        };
    }
}
