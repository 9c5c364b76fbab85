package dev.shoal.coordinator.ddl;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;

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
record TableProperties(String compression, Optional<String> externalLocation, List<String> partitionedBy) {
    private static final Set<String> COMPRESSIONS = Set.of("SNAPPY", "ZSTD", "GZIP", "NONE");
    private static final Set<String> NOT_YET = Set.of("bucketed_by", "bucket_count");

    TableProperties {
        partitionedBy = List.copyOf(partitionedBy);
    }

    static TableProperties of(Map<String, SqlNode> properties, TableName table) {
        String compression = "SNAPPY";
        Optional<String> location = Optional.empty();
        List<String> partitionedBy = List.of();
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
                default -> throw new ShoalException(NOT_YET.contains(name) ? ErrorCode.NOT_SUPPORTED : ErrorCode.INVALID_ARGUMENT,
                        "table " + table + ": " + (NOT_YET.contains(name) ? "table property " + name + " is not supported yet"
                                : "unknown table property " + name + " (format, write_compression, external_location, partitioned_by)"));
            }
        }
        return new TableProperties(compression, location, partitionedBy);
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
