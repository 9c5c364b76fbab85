package dev.shoal.exec.operator;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.BooleanVector;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.plan.AggregateCall;
import dev.shoal.core.plan.AggregateNode;
import dev.shoal.core.plan.AggregateStep;
import dev.shoal.core.type.DataType;
import dev.shoal.exec.aggregate.Accumulator;
import dev.shoal.exec.aggregate.Accumulators;
import dev.shoal.exec.aggregate.GroupByHash;
import dev.shoal.exec.memory.OperatorMemory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * GROUP BY with a hash table: consumes all input, then emits keys and aggregates. Without keys it
 * is a global aggregate and emits exactly one row, even over no input.
 *
 * <p>A PARTIAL step whose keys turn out nearly unique stops hashing, as Trino's adaptive partial
 * aggregation does: it sends its groups on and from then on turns each input row into a group of
 * its own, which the FINAL step merges. Hashing rows that seldom meet again only costs time.
 */
public final class HashAggregateOperator extends BufferingOperator {
    /** Input rows a partial step sees before it judges its keys (Trino's default too). */
    static final long ADAPTIVE_MIN_ROWS = 100_000;
    /** Groups per input row past which a partial step gives up hashing (Trino's default too). */
    static final double ADAPTIVE_UNIQUE_RATIO = 0.8;
    private final List<Integer> groupKeys;
    private final boolean partial;
    private final List<Accumulator> accumulators = new ArrayList<>();
    private final List<AggregateCall> calls;
    private final List<DataType> keyTypes;
    private final AggregateNode node;
    private GroupByHash hash;
    /** Set from any thread when the task asks a partial aggregation for its memory; acted on by its driver. */
    private volatile boolean revokeRequested;
    /** Groups sent on early, after a revoke, before the operator takes more input. */
    private HeldOutput flushed;
    private final OperatorMemory memory;
    /** Input rows of a partial step so far, and whether it gave up hashing. */
    private long inputRows;
    private boolean passThrough;

    public HashAggregateOperator(AggregateNode node, OperatorMemory memory) {
        this.memory = memory;
        this.groupKeys = node.groupKeys();
        this.partial = node.step() == AggregateStep.PARTIAL;
        this.calls = node.aggregates();
        List<DataType> inputTypes = node.input().outputTypes();
        this.node = node;
        this.keyTypes = groupKeys.stream().map(inputTypes::get).toList();
        startOver();
        if (partial) {
            // A partial step may send its groups on at any time: the final step merges them with the rest.
            memory.revocable(() -> revokeRequested = true);
        }
    }

    @Override
    public boolean needsInput() {
        return flushed == null && super.needsInput();
    }

    @Override
    public Batch getOutput() {
        if (revokeRequested && flushed == null && super.needsInput()) {
            flush();
        }
        if (flushed != null) {
            Batch batch = flushed.next();
            if (batch != null) {
                return batch;
            }
            flushed = null;
        }
        return super.getOutput();
    }

    @Override
    public boolean isFinished() {
        return flushed == null && super.isFinished();
    }

    /** Sends the groups so far on and starts over with an empty table: what a revoke frees. */
    private void flush() {
        revokeRequested = false;
        flushed = produce();
        startOver();
    }

    /** An empty table and fresh aggregate state. */
    private void startOver() {
        hash = GroupByHash.create(keyTypes);
        resetAccumulators();
    }

    private void resetAccumulators() {
        accumulators.clear();
        for (AggregateCall call : calls) {
            accumulators.add(Accumulators.create(call, node.input().outputTypes(), node.step()));
        }
    }

    /** The table and the aggregates' state, stated after each input batch. */
    private long stateBytes() {
        long bytes = hash.retainedBytes();
        for (Accumulator accumulator : accumulators) {
            bytes += accumulator.retainedBytes();
        }
        return bytes;
    }

    @Override
    protected void consume(Batch batch) {
        if (passThrough) {
            flushed = HeldOutput.of(List.of(rowsAsGroups(batch)), memory);
            return;
        }
        add(batch, groupKeys.isEmpty());
        memory.setBytes(stateBytes());
        if (partial && !groupKeys.isEmpty()) {
            inputRows += batch.rowCount();
            if (inputRows >= ADAPTIVE_MIN_ROWS && hash.groupCount() > ADAPTIVE_UNIQUE_RATIO * inputRows) {
                passThrough = true;
                flush();
            }
        }
    }

    /** Whether this partial step gave up hashing (its keys were nearly unique). */
    boolean passesThrough() {
        return passThrough;
    }

    /** The batch's rows as groups of one row each, in the partial step's output layout: keys, then intermediate states. */
    private Batch rowsAsGroups(Batch batch) {
        int rows = batch.rowCount();
        int[] ownGroup = new int[rows];
        for (int i = 0; i < rows; i++) {
            ownGroup[i] = i;
        }
        resetAccumulators();
        accumulate(batch, ownGroup, rows);
        List<ColumnVector> columns = new ArrayList<>(List.of(Batches.columns(batch, groupKeys)));
        for (Accumulator accumulator : accumulators) {
            columns.addAll(accumulator.intermediate(rows));
        }
        return new Batch(columns, rows);
    }

    @Override
    protected HeldOutput produce() {
        boolean global = groupKeys.isEmpty();
        int groups = global ? 1 : hash.groupCount();
        if (global) {
            // Sizes the state for the single group even when no row arrived.
            Batch empty = new Batch(List.of(), 0);
            for (Accumulator accumulator : accumulators) {
                accumulator.add(empty, new int[0], 1);
            }
        }
        List<ColumnVector> columns = new ArrayList<>(global ? List.of() : hash.keyVectors());
        for (Accumulator accumulator : accumulators) {
            if (partial) {
                columns.addAll(accumulator.intermediate(groups));
            } else {
                columns.add(accumulator.result(groups));
            }
        }
        // The table and state are garbage from here; the output holds the groups.
        return HeldOutput.of(groups == 0 ? List.of() : Batches.split(new Batch(columns, groups), SortOperator.OUTPUT_BATCH_ROWS),
                memory);
    }

    private void add(Batch batch, boolean global) {
        int[] groupIds;
        int groupCount;
        if (global) {
            groupIds = new int[batch.rowCount()];
            groupCount = 1;
        } else {
            groupIds = hash.assign(Batches.columns(batch, groupKeys), batch.rowCount());
            groupCount = hash.groupCount();
        }
        accumulate(batch, groupIds, groupCount);
    }

    private void accumulate(Batch batch, int[] groupIds, int groupCount) {
        // Aggregates with the same FILTER column share its kept rows.
        Map<Integer, FilteredRows> filteredByColumn = new HashMap<>();
        for (int a = 0; a < accumulators.size(); a++) {
            int filter = calls.get(a).filter();
            if (filter < 0) {
                accumulators.get(a).add(batch, groupIds, groupCount);
            } else {
                FilteredRows kept = filteredByColumn.computeIfAbsent(filter, f -> FilteredRows.of(batch, groupIds, f));
                accumulators.get(a).add(kept.batch(), kept.groupIds(), groupCount);
            }
        }
    }

    /**
     * The rows an aggregate's FILTER keeps, with their group ids. (Sending the rejected rows to a
     * spare group past the last was wrong: the next batch's first new group took that id, and the
     * rejected rows' counts with it.)
     */
    private record FilteredRows(Batch batch, int[] groupIds) {
        static FilteredRows of(Batch batch, int[] groupIds, int filterColumn) {
            BooleanVector keep = (BooleanVector) batch.column(filterColumn);
            int[] positions = new int[batch.rowCount()];
            int kept = 0;
            for (int i = 0; i < positions.length; i++) {
                if (keep.isTrue(i)) {
                    positions[kept++] = i;
                }
            }
            if (kept == positions.length) {
                return new FilteredRows(batch, groupIds);
            }
            int[] ids = new int[kept];
            for (int i = 0; i < kept; i++) {
                ids[i] = groupIds[positions[i]];
            }
            return new FilteredRows(batch.take(positions, kept), ids);
        }
    }

    @Override
    public void close() {
        memory.free();
    }
}
