package dev.shoal.core.plan;

import dev.shoal.core.type.DataType;

import java.util.List;

/**
 * Writes its input as Parquet files under {@code location}, named after the write and the task
 * ({@code <writeId>_<fragment>-<partition>_<attempt>_<n>.parquet}, unique to each attempt), and
 * outputs one row per file: its path, bytes, rows and partition. The coordinator commits the files
 * those rows name; nothing is visible before that.
 *
 * <p>With {@code partitionColumns} (the last of {@code columns}), rows go to Hive-style
 * {@code k=v/} folders, one file series per partition per task, the partition columns left out of
 * the files; a task that would hold more than {@code maxOpenWriters} partitions fails. With
 * {@code bucketCount} above 0, each partition's rows are split into that many Hive buckets of
 * {@code bucketedBy} (the planner routes each bucket to one task), a file series per bucket.
 *
 * <p>The input has the columns of {@code columns} first; columns after them only route rows.
 */
public record TableWriterNode(PlanNode input, String location, String writeId, List<ScanColumn> columns, String compression,
                              long maxRowsPerFile, List<String> partitionColumns, int maxOpenWriters, List<String> bucketedBy,
                              int bucketCount) implements PlanNode {
    /** The file rows' columns: path, bytes, rows, and the partition's name (NULL when the table is not partitioned). */
    public static final List<DataType> OUTPUT_TYPES = List.of(DataType.VARCHAR, DataType.BIGINT, DataType.BIGINT, DataType.VARCHAR);

    public TableWriterNode {
        columns = List.copyOf(columns);
        partitionColumns = List.copyOf(partitionColumns);
        bucketedBy = List.copyOf(bucketedBy);
    }

    /** The positions in {@code columns} of the bucketing columns. */
    public List<Integer> bucketChannels() {
        List<String> names = columns.stream().map(ScanColumn::name).toList();
        return bucketedBy.stream().map(names::indexOf).toList();
    }

    /** The columns the files hold: all but the partition columns. */
    public List<ScanColumn> dataColumns() {
        return columns.subList(0, columns.size() - partitionColumns.size());
    }

    @Override
    public List<DataType> outputTypes() {
        return OUTPUT_TYPES;
    }

    @Override
    public List<PlanNode> inputs() {
        return List.of(input);
    }

    @Override
    public <R, C> R accept(PlanVisitor<R, C> visitor, C context) {
        return visitor.visitTableWriter(this, context);
    }

    @Override
    public PlanNode withInputs(List<PlanNode> newInputs) {
        return new TableWriterNode(newInputs.get(0), location, writeId, columns, compression, maxRowsPerFile, partitionColumns,
                maxOpenWriters, bucketedBy, bucketCount);
    }
}
