package dev.shoal.core.catalog;

import dev.shoal.core.plan.ScanColumn;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A table: its schema (database) and name, the prefix holding its Parquet files, its columns,
 * who owns the files, and the properties it was created with (TBLPROPERTIES or WITH (...)).
 */
public record TableDefinition(String schema, String name, String location, List<ScanColumn> columns, TableKind kind,
                              Map<String, String> properties) {
    public TableDefinition {
        columns = List.copyOf(columns);
        properties = Collections.unmodifiableMap(new TreeMap<>(properties));
    }

    /** An external table with no properties, as {@code --table} declares one. */
    public TableDefinition(String schema, String name, String location, List<ScanColumn> columns) {
        this(schema, name, location, columns, TableKind.EXTERNAL, Map.of());
    }

    public String qualifiedName() {
        return schema + "." + name;
    }
}
