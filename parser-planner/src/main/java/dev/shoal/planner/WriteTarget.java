package dev.shoal.planner;

/**
 * Where a query's rows go instead of to the client: Parquet files under {@code location} (a prefix
 * ending in '/'), named after {@code writeId}, compressed with {@code compression}, at most
 * {@code maxRowsPerFile} rows each.
 */
public record WriteTarget(String location, String writeId, String compression, long maxRowsPerFile) {
    /** About a million rows: a few row groups, and a file a task holds in memory until its one PUT. */
    public static final long DEFAULT_MAX_ROWS_PER_FILE = 1_000_000;
}
