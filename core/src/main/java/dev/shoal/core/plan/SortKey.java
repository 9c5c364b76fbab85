package dev.shoal.core.plan;

/** One ORDER BY key: an input column, its direction, and where NULLs go. */
public record SortKey(int field, boolean ascending, boolean nullsFirst) {
}
