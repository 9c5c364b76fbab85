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
 *
 * <p>A partitioned table names its partition columns, which are the last of {@code columns}
 * (as in Hive, Athena and Trino) and are not stored in its files but in its folder names; its
 * data lives in its {@code partitions}, each with its own location and, for a table Shoal wrote,
 * its own file list ({@code files} is then empty).
 */
public record TableDefinition(String schema, String name, String location, List<ScanColumn> columns, TableKind kind,
                              Map<String, String> properties, Optional<List<DataFile>> files, List<String> partitionColumns,
                              List<Partition> partitions) {
    public TableDefinition {
        columns = List.copyOf(columns);
        properties = Collections.unmodifiableMap(new TreeMap<>(properties));
        files = files.map(List::copyOf);
        partitionColumns = List.copyOf(partitionColumns);
        partitions = List.copyOf(partitions);
        for (int i = 0; i < partitionColumns.size(); i++) {
            String expected = columns.get(columns.size() - partitionColumns.size() + i).name();
            if (!expected.equalsIgnoreCase(partitionColumns.get(i))) {
                throw new IllegalArgumentException("partition columns " + partitionColumns + " are not the last columns of " + name);
            }
        }
    }

    public TableDefinition(String schema, String name, String location, List<ScanColumn> columns, TableKind kind,
                           Map<String, String> properties, Optional<List<DataFile>> files) {
        this(schema, name, location, columns, kind, properties, files, List.of(), List.of());
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

    public boolean isPartitioned() {
        return !partitionColumns.isEmpty();
    }

    /** Whether {@code column} is a partition column (names match case-insensitively). */
    public boolean isPartitionColumn(String column) {
        return partitionColumns.stream().anyMatch(c -> c.equalsIgnoreCase(column));
    }

    /** The columns stored in the files: all but the partition columns. */
    public List<ScanColumn> dataColumns() {
        return columns.subList(0, columns.size() - partitionColumns.size());
    }

    /** The partition columns with their types, in order. */
    public List<ScanColumn> partitionColumnTypes() {
        return columns.subList(columns.size() - partitionColumns.size(), columns.size());
    }

    public Optional<Partition> partition(List<String> values) {
        return partitions.stream().filter(p -> p.values().equals(values)).findFirst();
    }

    /** The location of a new partition: {@code <table location>/k1=v1/k2=v2/}. */
    public String partitionLocation(List<String> values) {
        return (location.endsWith("/") ? location : location + "/") + PartitionNames.name(partitionColumns, values) + "/";
    }

    public TableDefinition withPartitions(List<Partition> newPartitions) {
        return new TableDefinition(schema, name, location, columns, kind, properties, files, partitionColumns, newPartitions);
    }
}
