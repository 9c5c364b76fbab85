package dev.shoal.core.catalog;

/**
 * A column's statistics over all files of a table, from Parquet footers: NULL count, and min/max
 * for numeric columns as Parquet stores them (physical values; null when unknown); and, for
 * columns without a numeric range, distinct values estimated from dictionary pages (-1 when unknown).
 */
public record ColumnStatistics(String name, long nullCount, Object min, Object max, long distinctCount) {
    public ColumnStatistics(String name, long nullCount, Object min, Object max) {
        this(name, nullCount, min, max, -1);
    }

    public boolean distinctCountKnown() {
        return distinctCount > 0;
    }
}
