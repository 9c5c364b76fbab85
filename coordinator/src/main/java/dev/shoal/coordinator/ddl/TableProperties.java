package dev.shoal.coordinator.ddl;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlNode;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * CREATE TABLE's {@code WITH (...)} properties, checked: {@code format} (PARQUET),
 * {@code write_compression} (SNAPPY, the default, ZSTD, GZIP or NONE) and {@code external_location}.
 */
record TableProperties(String compression, Optional<String> externalLocation) {
    private static final Set<String> COMPRESSIONS = Set.of("SNAPPY", "ZSTD", "GZIP", "NONE");
    private static final Set<String> NOT_YET = Set.of("partitioned_by", "bucketed_by", "bucket_count");

    static TableProperties of(Map<String, SqlNode> properties, TableName table) {
        String compression = "SNAPPY";
        Optional<String> location = Optional.empty();
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
                default -> throw new ShoalException(NOT_YET.contains(name) ? ErrorCode.NOT_SUPPORTED : ErrorCode.INVALID_ARGUMENT,
                        "table " + table + ": " + (NOT_YET.contains(name) ? "table property " + name + " is not supported yet"
                                : "unknown table property " + name + " (format, write_compression, external_location)"));
            }
        }
        return new TableProperties(compression, location);
    }

    private static String text(Map.Entry<String, SqlNode> property, TableName table) {
        if (property.getValue() instanceof SqlCharStringLiteral literal) {
            return literal.getValueAs(String.class);
        }
        throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "table " + table + ": property " + property.getKey()
                + " wants a string such as '...', got " + property.getValue());
    }
}
