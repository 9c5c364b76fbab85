package dev.shoal.parquet.reader;

import dev.shoal.core.type.DataType;
import dev.shoal.core.type.TypeKind;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

/**
 * A column chunk's dictionary converted once to Shoal's representation, so that a dictionary
 * page decodes to array lookups: {@code longs[id]}, {@code doubles[id]} or {@code bytes[id]}.
 * Null when the physical type has no fast path (INT96, BOOLEAN).
 */
final class DictionaryValues {
    final long[] longs;
    final double[] doubles;
    final byte[][] bytes;

    private DictionaryValues(long[] longs, double[] doubles, byte[][] bytes) {
        this.longs = longs;
        this.doubles = doubles;
        this.bytes = bytes;
    }

    /** {@code rescale}: the factor from the file's decimal scale to the target's (1 otherwise). */
    static DictionaryValues of(Dictionary dictionary, ColumnDescriptor column, DataType target, long rescale,
                               ColumnChunkDecoder decoder) {
        PrimitiveType type = column.getPrimitiveType();
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        int size = dictionary.getMaxId() + 1;
        switch (type.getPrimitiveTypeName()) {
            case INT32 -> {
                if (target.storage() == TypeKind.Storage.DOUBLE) {
                    double[] values = new double[size];
                    for (int i = 0; i < size; i++) {
                        values[i] = dictionary.decodeToInt(i);
                    }
                    return new DictionaryValues(null, values, null);
                }
                long[] values = new long[size];
                for (int i = 0; i < size; i++) {
                    values[i] = dictionary.decodeToInt(i) * rescale;
                }
                return new DictionaryValues(values, null, null);
            }
            case INT64 -> {
                long multiplier = ColumnChunkDecoder.timestampMultiplier(logical) * rescale;
                long divisor = ColumnChunkDecoder.timestampDivisor(logical);
                long[] values = new long[size];
                for (int i = 0; i < size; i++) {
                    values[i] = dictionary.decodeToLong(i) * multiplier / divisor;
                }
                return new DictionaryValues(values, null, null);
            }
            case DOUBLE, FLOAT -> {
                double[] values = new double[size];
                for (int i = 0; i < size; i++) {
                    values[i] = type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.DOUBLE
                            ? dictionary.decodeToDouble(i) : dictionary.decodeToFloat(i);
                }
                return new DictionaryValues(null, values, null);
            }
            case BINARY, FIXED_LEN_BYTE_ARRAY -> {
                if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) {
                    long[] values = new long[size];
                    for (int i = 0; i < size; i++) {
                        Long value = decoder.decimalAsLong(dictionary.decodeToBinary(i));
                        if (value == null) {
                            return null;
                        }
                        values[i] = value;
                    }
                    return new DictionaryValues(values, null, null);
                }
                byte[][] values = new byte[size][];
                for (int i = 0; i < size; i++) {
                    values[i] = dictionary.decodeToBinary(i).getBytes();
                }
                return new DictionaryValues(null, null, values);
            }
            default -> {
                return null;
            }
        }
    }
}
