package dev.shoal.coordinator.ddl;

import dev.shoal.core.catalog.TableDefinition;

import java.util.Arrays;
import java.util.List;

/**
 * Where and how a write lays its files out: the table it goes into, its location, the compression,
 * the partition columns, and the Hive bucketing (no buckets when {@code bucketCount} is 0).
 */
record WriteSpec(String table, String location, String compression, List<String> partitionColumns, List<String> bucketedBy,
                 int bucketCount) {
    WriteSpec {
        partitionColumns = List.copyOf(partitionColumns);
        bucketedBy = List.copyOf(bucketedBy);
    }

    /** An INSERT into an existing table: its layout as the catalog keeps it. */
    static WriteSpec of(TableDefinition table) {
        String bucketed = table.properties().getOrDefault("bucketed_by", "");
        return new WriteSpec(table.qualifiedName(), table.location(), table.properties().getOrDefault("write_compression", "SNAPPY"),
                table.partitionColumns(), bucketed.isEmpty() ? List.of() : Arrays.asList(bucketed.split(",")),
                Integer.parseInt(table.properties().getOrDefault("bucket_count", "0")));
    }
}
