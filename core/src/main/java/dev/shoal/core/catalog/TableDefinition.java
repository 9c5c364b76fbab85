package dev.shoal.core.catalog;

import dev.shoal.core.plan.ScanColumn;

import java.util.List;

/** A table: its schema (database) and name, the prefix holding its Parquet files, its columns. */
public record TableDefinition(String schema, String name, String location, List<ScanColumn> columns) {
    public TableDefinition {
        columns = List.copyOf(columns);
    }

    public String qualifiedName() {
        return schema + "." + name;
    }
}
