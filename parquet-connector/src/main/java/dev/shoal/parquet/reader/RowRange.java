package dev.shoal.parquet.reader;

/**
 * Rows {@code [firstRow, firstRow + rowCount)} of row group {@code rowGroup} (its index among all of
 * the file's row groups): a piece of a row group that one driver reads while others read the rest,
 * so that a few large row groups still keep every driver busy.
 */
public record RowRange(int rowGroup, long firstRow, long rowCount) {
    public RowRange {
        if (rowGroup < 0 || firstRow < 0 || rowCount <= 0) {
            throw new IllegalArgumentException("no rows in row group " + rowGroup + " from " + firstRow + ": " + rowCount);
        }
    }

    public long endRow() {
        return firstRow + rowCount;
    }
}
