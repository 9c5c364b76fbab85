package dev.shoal.core.catalog;

import java.util.List;

/** A table's statistics from its Parquet footers: what the planner estimates with. */
public record TableStatistics(long rowCount, long compressedBytes, long uncompressedBytes, int fileCount,
                              List<ColumnStatistics> columns) {
    public TableStatistics {
        columns = List.copyOf(columns);
    }

    public static final TableStatistics UNKNOWN = new TableStatistics(-1, -1, -1, 0, List.of());

    public boolean known() {
        return rowCount >= 0;
    }
}
