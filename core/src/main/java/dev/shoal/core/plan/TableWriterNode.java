package dev.shoal.core.plan;

import dev.shoal.core.type.DataType;

import java.util.List;

/**
 * Writes its input as Parquet files under {@code location}, named after the write and the task
 * ({@code <writeId>_<fragment>-<partition>_<attempt>_<n>.parquet}, unique to each attempt), and
 * outputs one row per file: its path, bytes and rows. The coordinator commits the files those
 * rows name; nothing is visible before that.
 */
public record TableWriterNode(PlanNode input, String location, String writeId, List<ScanColumn> columns, String compression,
                              long maxRowsPerFile) implements PlanNode {
    /** The file rows' columns: path, bytes, rows. */
    public static final List<DataType> OUTPUT_TYPES = List.of(DataType.VARCHAR, DataType.BIGINT, DataType.BIGINT);

    public TableWriterNode {
        columns = List.copyOf(columns);
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
        return new TableWriterNode(newInputs.get(0), location, writeId, columns, compression, maxRowsPerFile);
    }
}
