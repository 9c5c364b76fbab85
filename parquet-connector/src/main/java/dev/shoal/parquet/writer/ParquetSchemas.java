package dev.shoal.parquet.writer;

import dev.shoal.core.plan.ScanColumn;
import dev.shoal.core.type.DataType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

import java.util.ArrayList;
import java.util.List;

/** The Parquet schema Shoal writes for SQL columns: all optional, standard logical annotations. */
public final class ParquetSchemas {
    private ParquetSchemas() {
    }

    public static MessageType messageType(List<ScanColumn> columns) {
        List<Type> fields = new ArrayList<>();
        for (ScanColumn column : columns) {
            fields.add(field(column.name(), column.type()));
        }
        return new MessageType("shoal", fields);
    }

    private static Type field(String name, DataType type) {
        return switch (type.kind()) {
            case BOOLEAN -> Types.optional(PrimitiveTypeName.BOOLEAN).named(name);
            case INTEGER -> Types.optional(PrimitiveTypeName.INT32).named(name);
            case BIGINT -> Types.optional(PrimitiveTypeName.INT64).named(name);
            case DOUBLE -> Types.optional(PrimitiveTypeName.DOUBLE).named(name);
            // Parquet allows INT64 decimals up to 18 digits; wider ones are 16 bytes.
            case DECIMAL -> (type.isWideDecimal()
                    ? Types.optional(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY).length(16)
                    : Types.optional(PrimitiveTypeName.INT64))
                    .as(LogicalTypeAnnotation.decimalType(type.scale(), type.precision())).named(name);
            case VARCHAR -> Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(name);
            case DATE -> Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named(name);
            case TIMESTAMP -> Types.optional(PrimitiveTypeName.INT64)
                    .as(LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MICROS)).named(name);
        };
    }
}
