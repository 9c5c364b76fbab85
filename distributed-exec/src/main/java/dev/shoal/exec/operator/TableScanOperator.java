package dev.shoal.exec.operator;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.VectorBuilder;
import dev.shoal.core.catalog.PartitionValues;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.core.plan.Split;
import dev.shoal.core.plan.TableScanNode;
import dev.shoal.exec.dynamicfilter.RowGroupFilter;
import dev.shoal.exec.memory.OperatorMemory;
import dev.shoal.exec.task.TaskStats;
import dev.shoal.parquet.reader.ParquetSplitReader;
import dev.shoal.parquet.store.Location;
import dev.shoal.parquet.store.ObjectStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Reads splits taken from the task's queue one after another, a row group per batch: each of the
 * pipeline's drivers takes the next split when done with one, so a large split does not hold up
 * the others. A partition column is not
 * read from the file (Hive writers leave it out, and where one does not, the folder's value wins,
 * as in Hive and Trino): it is the split's partition value on every row. With a
 * {@link RowGroupFilter}, it waits briefly for the joins' dynamic filters before its first read, and
 * skips each row group whose statistics show it holds no key the joins keep.
 */
public final class TableScanOperator implements SourceOperator {
    private final ObjectStore store;
    private final TableScanNode node;
    private final TaskStats stats;
    private final Queue<Split> splits;
    private final OperatorMemory memory;
    private final RowGroupFilter rowGroups;
    private boolean finished;
    private ParquetSplitReader current;
    /** For the current split, each scan column's partition value, or null for a column read from the file. */
    private List<Object> constants;
    /** For the current split, each scan column's index among the columns read from the file, or -1 for a partition column. */
    private int[] fileColumnOf;

    /**
     * {@code splits}: shared by the drivers of the scan's pipeline; {@code memory}: where it states the
     * row group it fetches and decodes (its chunks as stored, then the decoded batch until it is passed on).
     */
    public TableScanOperator(ObjectStore store, TableScanNode node, TaskStats stats, Queue<Split> splits, OperatorMemory memory) {
        this(store, node, stats, splits, memory, null);
    }

    /** {@code rowGroups}: the joins' filters on the scan's columns, shared by its drivers, or null. */
    public TableScanOperator(ObjectStore store, TableScanNode node, TaskStats stats, Queue<Split> splits, OperatorMemory memory,
                             RowGroupFilter rowGroups) {
        this.rowGroups = rowGroups;
        this.memory = memory;
        this.store = store;
        this.node = node;
        this.stats = stats;
        this.splits = splits;
    }

    /** The node's splits, in a queue its drivers can share. */
    public static Queue<Split> splitQueue(TableScanNode node) {
        return new ConcurrentLinkedQueue<>(node.splits());
    }

    @Override
    public boolean isFinished() {
        return finished;
    }

    @Override
    public CompletableFuture<Void> isBlocked() {
        return rowGroups == null ? NOT_BLOCKED : rowGroups.published();
    }

    @Override
    public Batch getOutput() {
        while (!finished) {
            if (current == null) {
                Split split = splits.poll();
                if (split == null) {
                    finished = true;
                    memory.free();
                    return null;
                }
                open(split);
            }
            skipPrunedRowGroups();
            // The previous batch was passed on: what is held now is the chunks fetched, then the batch decoded from them.
            memory.setBytes(current.nextRowGroupBytes());
            Batch batch = current.nextRowGroup();
            memory.setBytes(batch == null ? 0 : batch.retainedBytes());
            if (batch != null) {
                stats.rowsRead().add(batch.rowCount());
                return constants == null ? batch : withPartitionValues(batch);
            }
            current.close();
            current = null;
            stats.splitsCompleted().increment();
        }
        return null;
    }

    private void skipPrunedRowGroups() {
        while (rowGroups != null && current.hasNextRowGroup() && !rowGroups.mayMatch(this::nextRowGroupRange)) {
            current.skipNextRowGroup();
            stats.rowGroupsSkipped().increment();
        }
    }

    /** A scan column's range in the next row group: a partition column's value, else the file's statistics. */
    private long[] nextRowGroupRange(int column) {
        if (constants == null) {
            return current.nextRowGroupRange(column);
        }
        if (fileColumnOf[column] < 0) {
            return constants.get(column) instanceof Long value ? new long[] {value, value} : null;
        }
        return current.nextRowGroupRange(fileColumnOf[column]);
    }

    private void open(Split split) {
        if (split.start() == 0) {
            // Of a file's splits, exactly one starts at 0: this counts files, not ranges.
            stats.filesRead().increment();
        }
        List<ScanColumn> fileColumns = node.columns();
        constants = null;
        if (!split.partitionValues().isEmpty()) {
            fileColumns = new ArrayList<>();
            constants = new ArrayList<>();
            fileColumnOf = new int[node.columns().size()];
            for (int c = 0; c < fileColumnOf.length; c++) {
                ScanColumn column = node.columns().get(c);
                boolean partition = split.partitionValues().containsKey(column.name());
                fileColumnOf[c] = partition ? -1 : fileColumns.size();
                constants.add(partition ? PartitionValues.parse(split.partitionValues().get(column.name()), column.type(), column.name())
                        : null);
                if (!partition) {
                    fileColumns.add(column);
                }
            }
        }
        current = new ParquetSplitReader(store, Location.parse(split.uri()), split.length(), split.start(), split.end(),
                fileColumns, stats.bytesRead());
    }

    private Batch withPartitionValues(Batch fileBatch) {
        List<ColumnVector> vectors = new ArrayList<>(node.columns().size());
        for (int i = 0; i < node.columns().size(); i++) {
            vectors.add(fileColumnOf[i] < 0
                    ? VectorBuilder.constant(node.columns().get(i).type(), constants.get(i), fileBatch.rowCount())
                    : fileBatch.column(fileColumnOf[i]));
        }
        return new Batch(vectors, fileBatch.rowCount());
    }

    @Override
    public void close() {
        memory.free();
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
