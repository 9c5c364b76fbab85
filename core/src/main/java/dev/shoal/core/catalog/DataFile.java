package dev.shoal.core.catalog;

/** A data file of a table, as the task that wrote it reported it: where, how many bytes and rows. */
public record DataFile(String path, long bytes, long rows) {
}
