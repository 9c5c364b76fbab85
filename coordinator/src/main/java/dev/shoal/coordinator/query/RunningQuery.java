package dev.shoal.coordinator.query;

import dev.shoal.coordinator.cluster.WorkerNode;
import dev.shoal.core.batch.Batch;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.task.TaskStatus;
import dev.shoal.core.type.DataType;
import dev.shoal.exec.memory.OperatorMemory;
import dev.shoal.exec.task.TaskExecutor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * A query whose result is being read: rows are pulled from the root task (on the coordinator,
 * reading the workers' output through exchanges) batch by batch as the client fetches, so a large
 * result never sits in memory whole. {@link #fail} ends it from outside (a lost worker).
 */
public final class RunningQuery implements ResultStream.Source {
    /**
     * How long closing waits for a reader about to meet the query's end (its last rows were already read):
     * a client that reads a one-row answer and closes should see the query FINISHED. 100 ms was too short
     * on a loaded 2-core machine (the end arrives once the workers' tasks have ended and their streams closed).
     */
    private static final long END_GRACE_MILLIS = 500;
    private final String id;
    private final List<String> columnNames;
    private final List<DataType> columnTypes;
    private final TaskExecutor.Task root;
    private final Set<WorkerNode> workers;
    private final Listener onDone;
    /** What a {@link ResultStream} over this query holds ahead of its client, in the coordinator's pool. */
    private final OperatorMemory resultMemory;
    /** Held by the reader in {@link #nextRows}; {@link #fail} ends the query itself when no reader holds it. */
    private final ReentrantLock reading = new ReentrantLock();
    private volatile QueryState state = QueryState.RUNNING;
    private volatile ShoalException failure;
    private volatile List<TaskStatus> taskStatuses = List.of();
    /** Set by {@link #close()}: the reader ends the query CANCELED at its next step, unless that step meets the query's own end. */
    private volatile boolean closing;
    /** Whether {@link #close()} stopped the root, so that an end it then reads is not the query's own. */
    private volatile boolean stoppedByClose;
    private Batch current;
    private int position;
    /** Rows handed to readers so far. */
    private long rowsRead;

    /** Told once when the query ends: how, and why if it failed (null otherwise). */
    interface Listener {
        void ended(RunningQuery query, QueryState state, RuntimeException error);
    }

    RunningQuery(String id, List<String> columnNames, List<DataType> columnTypes, TaskExecutor.Task root,
                 Set<WorkerNode> workers, Listener onDone, OperatorMemory resultMemory) {
        this.id = id;
        this.resultMemory = resultMemory;
        this.columnNames = columnNames;
        this.columnTypes = columnTypes;
        this.root = root;
        this.workers = Set.copyOf(workers);
        this.onDone = onDone;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public OperatorMemory resultMemory() {
        return resultMemory;
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

    Set<WorkerNode> workers() {
        return workers;
    }

    /** Rows read so far (all of them once it ended). */
    long rowsRead() {
        return rowsRead;
    }

    /** What the workers' tasks did, as collected when the query ended. */
    public List<TaskStatus> taskStatuses() {
        return taskStatuses;
    }

    void taskStatuses(List<TaskStatus> statuses) {
        taskStatuses = List.copyOf(statuses);
    }

    /** Up to {@code max} more rows, each converted by {@code convert}; fewer only at the end. */
    public <R> List<R> nextRows(int max, Function<RowView, R> convert) {
        reading.lock();
        try {
            return read(max, convert);
        } finally {
            reading.unlock();
            endIfFailed();
        }
    }

    private <R> List<R> read(int max, Function<RowView, R> convert) {
        List<R> rows = new ArrayList<>(Math.min(max, 1024));
        RowView view = new RowView();
        try {
            while (rows.size() < max && advance()) {
                view.batch = current;
                view.row = position++;
                rows.add(convert.apply(view));
                rowsRead++;
            }
        } catch (RuntimeException e) {
            throw failed(e);
        }
        if (state == QueryState.FAILED && failure != null) {
            throw failure;
        }
        return rows;
    }

    /**
     * The next rows as one batch of at most {@code max} rows (the rest of the root's current batch,
     * sliced when longer); null once every row was read or the query was closed.
     */
    @Override
    public Batch nextBatch(int max) {
        reading.lock();
        try {
            if (!advance()) {
                if (state == QueryState.FAILED && failure != null) {
                    throw failure;
                }
                return null;
            }
            int count = Math.min(max, current.rowCount() - position);
            Batch rows = position == 0 && count == current.rowCount() ? current : current.slice(position, count);
            position += count;
            rowsRead += count;
            return rows;
        } catch (RuntimeException e) {
            throw failed(e);
        } finally {
            reading.unlock();
            endIfFailed();
        }
    }

    /** Whether a row is at {@code position} of {@code current}, reading the next batch from the root when needed. */
    private boolean advance() {
        while (state == QueryState.RUNNING) {
            if (closing) {
                finish(QueryState.CANCELED, null);
                return false;
            }
            if (current != null && position < current.rowCount()) {
                return true;
            }
            if (failure != null) {
                throw failure;
            }
            current = root.next();
            position = 0;
            if (failure != null) {
                throw failure;
            }
            if (current == null) {
                // The end met on its own is a finished query, even when its client is already closing it.
                finish(stoppedByClose ? QueryState.CANCELED : QueryState.FINISHED, null);
                return false;
            }
        }
        return false;
    }

    /** Ends the query after a failure while reading: the error to throw (a failure from outside wins over what it caused). */
    private RuntimeException failed(RuntimeException e) {
        if (closing) {
            finish(QueryState.CANCELED, null);
            return failure != null ? failure : Cancellation.closed();
        }
        RuntimeException cause = failure != null ? failure : e;
        finish(QueryState.FAILED, cause);
        return cause;
    }

    /**
     * Cancels the query from any thread, without waiting for a reader inside {@link #nextRows}
     * (which {@link #close()} does): the reader gets QUERY_CANCELED, and the tasks are stopped.
     */
    public void cancel() {
        cancel(Cancellation.canceled());
    }

    /** Cancels the query with {@code reason} (kill_query's, a time limit's). */
    public void cancel(ShoalException reason) {
        fail(reason);
    }

    /** Fails the query from outside: the reader gets {@code error} at its next fetch. */
    void fail(ShoalException error) {
        if (state != QueryState.RUNNING || failure != null) {
            return;
        }
        failure = error;
        // Unblocks a reader waiting on an exchange; it then reports the failure above.
        root.close();
        endIfFailed();
    }

    /** A failure with no reader to report it (the client is between fetches) ends the query here, its tasks stopped now. */
    private void endIfFailed() {
        if (failure != null && state == QueryState.RUNNING && reading.tryLock()) {
            try {
                finish(QueryState.FAILED, failure);
            } finally {
                reading.unlock();
            }
        }
    }

    /**
     * Whether every row was read (or the reader closed it): a failed query is not done, so that its
     * reader's next call reports the failure rather than an end of rows.
     */
    public boolean isDone() {
        return state == QueryState.FINISHED || state == QueryState.CANCELED;
    }

    /** {@code error}: why it failed (null unless FAILED), for the manager to learn of lost workers. */
    private void finish(QueryState finalState, RuntimeException error) {
        if (state == QueryState.RUNNING) {
            state = finalState;
            current = null;
            root.close();
            onDone.ended(this, finalState, error);
        }
    }

    /**
     * Cancels a query still running; a finished query stays finished. A reader blocked on the
     * workers' output (another thread's {@link #nextBatch}) gets a moment to meet the end on its own
     * (a client that closes right after the last row, while the end is on its way, finished its
     * query), and is then woken rather than waited for.
     */
    @Override
    public void close() {
        closing = true;
        if (!tryLockWithin(END_GRACE_MILLIS)) {
            stoppedByClose = true;
            root.close();
            reading.lock();
        }
        try {
            // A client that read every row and closes before asking for the end (one row fits its first fetch)
            // finished its query, when the end is on its way.
            // A client that read nothing is canceling: no wait then.
            boolean everyRowRead = state == QueryState.RUNNING && failure == null && !stoppedByClose && rowsRead > 0
                    && (current == null || position >= current.rowCount()) && root.endsWithin(END_GRACE_MILLIS);
            finish(everyRowRead ? QueryState.FINISHED : QueryState.CANCELED, null);
        } finally {
            reading.unlock();
        }
    }

    private boolean tryLockWithin(long millis) {
        try {
            return reading.tryLock(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
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
