package dev.shoal.coordinator.query;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.type.DataType;
import dev.shoal.exec.task.TaskExecutor;
import dev.shoal.worker.Worker;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A query whose result is being read: rows are pulled from the root task batch by batch as the
 * client fetches, so a large result never sits in memory whole.
 */
public final class RunningQuery implements AutoCloseable {
    private final String id;
    private final List<String> columnNames;
    private final List<DataType> columnTypes;
    private final Worker worker;
    private final TaskExecutor.Task task;
    private volatile QueryState state = QueryState.RUNNING;
    private Batch current;
    private int position;

    RunningQuery(String id, List<String> columnNames, List<DataType> columnTypes, Worker worker, TaskExecutor.Task task) {
        this.id = id;
        this.columnNames = columnNames;
        this.columnTypes = columnTypes;
        this.worker = worker;
        this.task = task;
    }

    public String id() {
        return id;
    }

    public List<String> columnNames() {
        return columnNames;
    }

    public List<DataType> columnTypes() {
        return columnTypes;
    }

    public QueryState state() {
        return state;
    }

    public long bytesRead() {
        return task.stats().bytesRead().sum();
    }

    /** Up to {@code max} more rows, each converted by {@code convert}; fewer only at the end. */
    public synchronized <R> List<R> nextRows(int max, Function<RowView, R> convert) {
        List<R> rows = new ArrayList<>(Math.min(max, 1024));
        RowView view = new RowView();
        try {
            while (rows.size() < max && state == QueryState.RUNNING) {
                if (current == null || position >= current.rowCount()) {
                    current = task.next();
                    position = 0;
                    if (current == null) {
                        finish(QueryState.FINISHED);
                        break;
                    }
                    continue;
                }
                view.batch = current;
                view.row = position++;
                rows.add(convert.apply(view));
            }
        } catch (RuntimeException e) {
            finish(QueryState.FAILED);
            throw e;
        }
        return rows;
    }

    public boolean isDone() {
        return state != QueryState.RUNNING;
    }

    private void finish(QueryState finalState) {
        if (state == QueryState.RUNNING) {
            state = finalState;
            current = null;
            task.close();
            worker.taskFinished();
        }
    }

    /** Cancels a query still running; a finished query stays finished. */
    @Override
    public synchronized void close() {
        finish(QueryState.CANCELED);
    }

    /** One row of the current batch, valid only inside the converter. */
    public static final class RowView {
        private Batch batch;
        private int row;

        public Object value(int column) {
            return batch.column(column).valueAt(row);
        }

        public int columnCount() {
            return batch.columnCount();
        }
    }
}
