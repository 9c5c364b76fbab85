package dev.shoal.exec.operator;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.plan.Split;
import dev.shoal.core.plan.TableScanNode;
import dev.shoal.exec.task.TaskStats;
import dev.shoal.parquet.reader.ParquetSplitReader;
import dev.shoal.parquet.store.Location;
import dev.shoal.parquet.store.ObjectStore;

import java.util.Iterator;

/** Reads the task's splits one after another, a row group per batch. */
public final class TableScanOperator implements Operator {
    private final ObjectStore store;
    private final TableScanNode node;
    private final TaskStats stats;
    private final Iterator<Split> splits;
    private ParquetSplitReader current;

    public TableScanOperator(ObjectStore store, TableScanNode node, TaskStats stats) {
        this.store = store;
        this.node = node;
        this.stats = stats;
        this.splits = node.splits().iterator();
    }

    @Override
    public Batch next() {
        while (true) {
            if (current == null) {
                if (!splits.hasNext()) {
                    return null;
                }
                Split split = splits.next();
                current = new ParquetSplitReader(store, Location.parse(split.uri()), split.length(), split.start(), split.end(),
                        node.columns(),
                        stats.bytesRead());
            }
            Batch batch = current.nextRowGroup();
            if (batch != null) {
                stats.rowsRead().add(batch.rowCount());
                return batch;
            }
            current.close();
            current = null;
        }
    }

    @Override
    public void close() {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
