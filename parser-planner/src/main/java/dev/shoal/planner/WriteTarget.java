package dev.shoal.planner;

import java.util.List;

/**
 * Where a query's rows go instead of to the client: Parquet files under {@code location} (a prefix
 * ending in '/'), named after {@code writeId}, compressed with {@code compression}, at most
 * {@code maxRowsPerFile} rows each; into {@code k=v/} folders by {@code partitionColumns}, which
 * must be the query's last columns, at most {@code maxOpenWriters} partitions per task; in
 * {@code bucketCount} Hive buckets of {@code bucketedBy} per partition when above 0.
 */
public record WriteTarget(String location, String writeId, String compression, long maxRowsPerFile, List<String> partitionColumns,
                          int maxOpenWriters, List<String> bucketedBy, int bucketCount) {
    /** About a million rows: a few row groups, and a file a task holds in memory until its one PUT. */
    public static final long DEFAULT_MAX_ROWS_PER_FILE = 1_000_000;
    /** Trino's default for hive.max-partitions-per-writers. */
    public static final int DEFAULT_MAX_OPEN_WRITERS = 100;

    public WriteTarget {
        partitionColumns = List.copyOf(partitionColumns);
        bucketedBy = List.copyOf(bucketedBy);
    }

    public WriteTarget(String location, String writeId, String compression) {
        this(location, writeId, compression, DEFAULT_MAX_ROWS_PER_FILE, List.of(), DEFAULT_MAX_OPEN_WRITERS, List.of(), 0);
    }
}
