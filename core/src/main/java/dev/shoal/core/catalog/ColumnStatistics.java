package dev.shoal.core.catalog;

/**
 * A column's statistics over all files of a table, from Parquet footers: NULL count, and min/max
 * for numeric columns as Parquet stores them (physical values; null when unknown).
 */
public record ColumnStatistics(String name, long nullCount, Object min, Object max) {
}
