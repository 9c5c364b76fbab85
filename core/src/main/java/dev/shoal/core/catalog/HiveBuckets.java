package dev.shoal.core.catalog;

import dev.shoal.core.type.DataType;
import dev.shoal.core.type.TypeKind;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Hive's bucket of a row (bucketing version 1, as Trino's Hive connector computes it): each
 * bucketing column's hash folded as {@code h = 31 * h + hash(value)}, then
 * {@code (h & Integer.MAX_VALUE) % bucketCount}. A value hashes as Hive's ObjectInspectorUtils
 * does: NULL 0, BOOLEAN 1 or 0, INTEGER itself, BIGINT and DOUBLE (its bits) as their two halves
 * XORed, a string over its UTF-8 bytes ({@code h = 31 * h + byte}, signed), DATE its day number.
 */
public final class HiveBuckets {
    /** The types Hive's version 1 hash is defined for. */
    public static final Set<TypeKind> BUCKETABLE = Set.of(TypeKind.BOOLEAN, TypeKind.INTEGER, TypeKind.BIGINT, TypeKind.DOUBLE,
            TypeKind.VARCHAR, TypeKind.DATE);
    public static final int MAX_BUCKET_COUNT = 100_000;

    private HiveBuckets() {
    }

    public static int bucket(Object[] values, List<DataType> types, int bucketCount) {
        int hash = 0;
        for (int i = 0; i < values.length; i++) {
            hash = hash * 31 + hash(values[i], types.get(i));
        }
        return (hash & Integer.MAX_VALUE) % bucketCount;
    }

    static int hash(Object value, DataType type) {
        if (value == null) {
            return 0;
        }
        return switch (type.kind()) {
            case BOOLEAN -> (Boolean) value ? 1 : 0;
            case INTEGER, DATE -> (int) (long) (Long) value;
            case BIGINT -> fold((Long) value);
            case DOUBLE -> fold(Double.doubleToLongBits((Double) value));
            case VARCHAR -> {
                int h = 0;
                for (byte b : ((String) value).getBytes(StandardCharsets.UTF_8)) {
                    h = h * 31 + b;
                }
                yield h;
            }
            default -> throw new IllegalArgumentException("Hive bucketing is not defined for " + type);
        };
    }

    private static int fold(long value) {
        return (int) ((value >>> 32) ^ value);
    }
}
