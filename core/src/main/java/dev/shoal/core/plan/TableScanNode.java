package dev.shoal.core.plan;

import dev.shoal.core.type.DataType;

import java.util.List;

/**
 * Reads the given columns of a table's Parquet files. The planner leaves {@code splits} empty;
 * the scheduler fills in the files each task reads. For a partitioned table, {@code partitions}
 * says which partitions the scan reads once the coordinator has pruned them (null before that,
 * and for a table without partitions).
 */
public record TableScanNode(String table, List<ScanColumn> columns, List<Split> splits, PartitionSelection partitions)
        implements PlanNode {
    public TableScanNode {
        columns = List.copyOf(columns);
        splits = List.copyOf(splits);
    }

    public TableScanNode(String table, List<ScanColumn> columns, List<Split> splits) {
        this(table, columns, splits, null);
    }

    public TableScanNode withSplits(List<Split> newSplits) {
        return new TableScanNode(table, columns, newSplits, partitions);
    }

    public TableScanNode withPartitions(PartitionSelection selection) {
        return new TableScanNode(table, columns, splits, selection);
    }

    @Override
    public List<DataType> outputTypes() {
        return columns.stream().map(ScanColumn::type).toList();
    }

    @Override
    public List<PlanNode> inputs() {
        return List.of();
    }

    @Override
    public <R, C> R accept(PlanVisitor<R, C> visitor, C context) {
        return visitor.visitTableScan(this, context);
    }

    @Override
    public PlanNode withInputs(List<PlanNode> newInputs) {
        return this;
    }
}
