package dev.shoal.core.batch;

import java.util.ArrayList;
import java.util.List;

/**
 * The columnar currency between operators: a few thousand rows as one vector per column.
 * Filters produce a new batch by gathering the surviving positions ({@link #take}), the way
 * DataFusion's filter does, so downstream operators always see dense vectors.
 */
public record Batch(List<ColumnVector> columns, int rowCount) {
    public Batch {
        columns = List.copyOf(columns);
        for (ColumnVector column : columns) {
            if (column.size() != rowCount) {
                throw new IllegalArgumentException("column of " + column.size() + " rows in a batch of " + rowCount);
            }
        }
    }

    public ColumnVector column(int index) {
        return columns.get(index);
    }

    /** What its vectors' arrays hold (see {@link ColumnVector#retainedBytes}). */
    public long retainedBytes() {
        long bytes = 16;
        for (ColumnVector column : columns) {
            bytes += column.retainedBytes();
        }
        return bytes;
    }

    public int columnCount() {
        return columns.size();
    }

    public Batch take(int[] positions, int count) {
        List<ColumnVector> out = new ArrayList<>(columns.size());
        for (ColumnVector column : columns) {
            out.add(column.take(positions, count));
        }
        return new Batch(out, count);
    }

    /** The same rows with only {@code columns}, in that order. */
    public Batch select(int[] columns) {
        List<ColumnVector> out = new ArrayList<>(columns.length);
        for (int c : columns) {
            out.add(this.columns.get(c));
        }
        return new Batch(out, rowCount);
    }

    /** Rows {@code [from, from + count)} as a new batch. */
    public Batch slice(int from, int count) {
        if (from == 0 && count == rowCount) {
            return this;
        }
        List<ColumnVector> out = new ArrayList<>(columns.size());
        for (ColumnVector column : columns) {
            out.add(column.slice(from, count));
        }
        return new Batch(out, count);
    }
}
