package dev.shoal.coordinator.ddl;

import dev.shoal.core.catalog.HiveBuckets;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * CREATE TABLE's {@code WITH (...)} properties, checked: {@code format} (PARQUET),
 * {@code write_compression} (SNAPPY, the default, ZSTD, GZIP or NONE), {@code external_location} and
 * {@code partitioned_by} (ARRAY['col', ...]: the table's last columns).
 */
record TableProperties(String compression, Optional<String> externalLocation, List<String> partitionedBy, List<String> bucketedBy,
                       int bucketCount) {
    private static final Set<String> COMPRESSIONS = Set.of("SNAPPY", "ZSTD", "GZIP", "NONE");

    TableProperties {
        partitionedBy = List.copyOf(partitionedBy);
        bucketedBy = List.copyOf(bucketedBy);
    }

    /** What the catalog keeps of a bucketed table: Hive's property names, so INSERT buckets its rows the same way. */
    Map<String, String> bucketingProperties() {
        return bucketCount == 0 ? Map.of() : Map.of("bucketed_by", String.join(",", bucketedBy), "bucket_count",
                String.valueOf(bucketCount), "bucketing_version", "1");
    }

    static TableProperties of(Map<String, SqlNode> properties, TableName table) {
        String compression = "SNAPPY";
        Optional<String> location = Optional.empty();
        List<String> partitionedBy = List.of();
        List<String> bucketedBy = List.of();
        int bucketCount = 0;
        for (Map.Entry<String, SqlNode> property : properties.entrySet()) {
            String name = property.getKey();
            switch (name) {
                case "format" -> {
                    String format = text(property, table).toUpperCase(Locale.ROOT);
                    if (!format.equals("PARQUET")) {
                        throw new ShoalException(ErrorCode.NOT_SUPPORTED, "table " + table + ": format " + format
                                + " is not supported; Shoal writes Parquet");
                    }
                }
                case "write_compression" -> {
                    compression = text(property, table).toUpperCase(Locale.ROOT);
                    if (!COMPRESSIONS.contains(compression)) {
                        throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "table " + table + ": write_compression "
                                + compression + " is not one of SNAPPY, ZSTD, GZIP, NONE");
                    }
                }
                case "external_location" -> {
                    String value = text(property, table);
                    location = Optional.of(value.endsWith("/") ? value : value + "/");
                }
                case "partitioned_by" -> partitionedBy = names(property, table);
                case "bucketed_by" -> bucketedBy = names(property, table);
                case "bucket_count" -> bucketCount = count(property, table);
                default -> throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "table " + table + ": unknown table property " + name
                        + " (format, write_compression, external_location, partitioned_by, bucketed_by, bucket_count)");
            }
        }
        if (bucketedBy.isEmpty() != (bucketCount == 0)) {
            throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "table " + table + ": bucketed_by and bucket_count go together");
        }
        return new TableProperties(compression, location, partitionedBy, bucketedBy, bucketCount);
    }

    private static int count(Map.Entry<String, SqlNode> property, TableName table) {
        if (property.getValue() instanceof SqlNumericLiteral number && number.isInteger()) {
            long value = number.longValue(true);
            if (value >= 1 && value <= HiveBuckets.MAX_BUCKET_COUNT) {
                return (int) value;
            }
        }
        throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "table " + table + ": bucket_count must be a whole number from 1 to "
                + HiveBuckets.MAX_BUCKET_COUNT + ", got " + property.getValue());
    }

    /** {@code ARRAY['a', 'b']}: column names, lower-case as Shoal stores them, none twice. */
    private static List<String> names(Map.Entry<String, SqlNode> property, TableName table) {
        if (!(property.getValue() instanceof SqlCall array) || array.getKind() != SqlKind.ARRAY_VALUE_CONSTRUCTOR) {
            throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "table " + table + ": property " + property.getKey()
                    + " wants column names such as ARRAY['col1', 'col2'], got " + property.getValue());
        }
        List<String> names = new ArrayList<>();
        for (SqlNode element : array.getOperandList()) {
            String name = text(Map.entry(property.getKey(), element), table).toLowerCase(Locale.ROOT);
            if (names.contains(name)) {
                throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "table " + table + ": " + property.getKey() + " names "
                        + name + " twice");
            }
            names.add(name);
        }
        return names;
    }

    private static String text(Map.Entry<String, SqlNode> property, TableName table) {
        if (property.getValue() instanceof SqlCharStringLiteral literal) {
            return literal.getValueAs(String.class);
        }
        throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "table " + table + ": property " + property.getKey()
                + " wants a string such as '...', got " + property.getValue());
    }
}
