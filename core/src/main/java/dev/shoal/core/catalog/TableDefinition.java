package dev.shoal.core.catalog;

import dev.shoal.core.plan.ScanColumn;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A table: its schema (database) and name, the prefix holding its Parquet files, its columns,
 * who owns the files, the properties it was created with (TBLPROPERTIES or WITH (...)), and, for a
 * table Shoal wrote, the exact files committed to it. A table without a file list (CREATE EXTERNAL
 * TABLE over existing files) is read by listing its location.
 */
public record TableDefinition(String schema, String name, String location, List<ScanColumn> columns, TableKind kind,
                              Map<String, String> properties, Optional<List<DataFile>> files) {
    public TableDefinition {
        columns = List.copyOf(columns);
        properties = Collections.unmodifiableMap(new TreeMap<>(properties));
        files = files.map(List::copyOf);
    }

    public TableDefinition(String schema, String name, String location, List<ScanColumn> columns, TableKind kind,
                           Map<String, String> properties) {
        this(schema, name, location, columns, kind, properties, Optional.empty());
    }

    /** An external table with no properties, as {@code --table} declares one. */
    public TableDefinition(String schema, String name, String location, List<ScanColumn> columns) {
        this(schema, name, location, columns, TableKind.EXTERNAL, Map.of());
    }

    public String qualifiedName() {
        return schema + "." + name;
    }
}
