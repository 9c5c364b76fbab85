package dev.shoal.exec.join;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.BooleanVector;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.VectorBuilder;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.plan.JoinNode;
import dev.shoal.core.plan.JoinType;
import dev.shoal.core.type.DataType;
import dev.shoal.exec.expression.ExpressionCompiler;
import dev.shoal.exec.expression.VectorExpression;
import dev.shoal.exec.operator.Operator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/**
 * The probe side of a hash join, one per probe driver: streams its driver's rows through the
 * {@link JoinBridge}'s table (waiting, without a thread, until it is built), in output batches of
 * bounded size. Handles INNER, LEFT, RIGHT, FULL, SEMI and ANTI, with an optional residual
 * condition checked on each candidate pair. Unmatched build rows (RIGHT, FULL) come out of the last
 * probe driver to finish.
 */
public final class HashJoinOperator implements Operator {
    static final int MAX_OUTPUT_ROWS = 16_384;
    private static final int NOT_STARTED = -2;

    private final JoinBridge bridge;
    private final JoinNode node;
    private final VectorExpression filter;
    private final List<DataType> leftTypes;
    private final List<DataType> rightTypes;
    /** The join's output columns the plan reads above it, in order (left columns first, then right); the rest are never gathered. */
    private final int[] outputColumns;
    private final boolean allColumns;
    /** Every column of both sides, which the residual condition reads. */
    private final int[] everyColumn;
    private JoinLookup table;
    private boolean[] buildMatched;
    private boolean finishing;
    private boolean finished;
    private boolean counted;
    /** An output batch made while taking input (semi and anti joins), waiting to be taken. */
    private Batch pending;
    // The probe batch being joined, and where its pairing stopped.
    private Batch probeBatch;
    private int[] firstMatches;
    private boolean[] probeMatched;
    private int probeRow;
    private int chainCursor;

    public HashJoinOperator(JoinBridge bridge) {
        this(bridge, null);
    }

    /** A join that outputs only {@code outputColumns} of its columns (null: all), for a projection of columns right above it. */
    public HashJoinOperator(JoinBridge bridge, int[] outputColumns) {
        this.bridge = bridge;
        this.node = bridge.node();
        this.filter = node.filter() == null ? null : ExpressionCompiler.compile(node.filter());
        this.leftTypes = node.left().outputTypes();
        this.rightTypes = node.right().outputTypes();
        this.outputColumns = outputColumns != null ? outputColumns.clone()
                : IntStream.range(0, node.outputTypes().size()).toArray();
        this.allColumns = Arrays.equals(this.outputColumns, IntStream.range(0, node.outputTypes().size()).toArray());
        this.everyColumn = IntStream.range(0, leftTypes.size() + rightTypes.size()).toArray();
    }

    @Override
    public CompletableFuture<Void> isBlocked() {
        return bridge.tableBuilt();
    }

    private boolean ready() {
        if (table == null && bridge.tableBuilt().isDone()) {
            table = bridge.table();
            buildMatched = bridge.buildMatched();
            if (table == null) {
                // Released before it was built: the task is stopping.
                throw new ShoalException(ErrorCode.QUERY_CANCELED, "the join was stopped");
            }
        }
        return table != null;
    }

    @Override
    public boolean needsInput() {
        return !finishing && probeBatch == null && pending == null && ready();
    }

    @Override
    public void addInput(Batch batch) {
        startProbeBatch(batch);
        if (!needsPairs()) {
            Batch out = semiOrAnti(batch, presence(batch));
            probeBatch = null;
            pending = out.rowCount() > 0 ? out : null;
        }
    }

    @Override
    public Batch getOutput() {
        if (pending != null) {
            Batch out = pending;
            pending = null;
            return out;
        }
        if (probeBatch != null) {
            return continueProbeBatch();
        }
        if (!finishing || finished || !ready()) {
            return null;
        }
        finished = true;
        counted = true;
        if (bridge.probeFinished()) {
            Batch tail = node.joinType().keepsUnmatchedRight() ? unmatchedBuildRows() : null;
            bridge.release();
            return tail;
        }
        return null;
    }

    @Override
    public void finish() {
        finishing = true;
    }

    @Override
    public boolean isFinished() {
        return finished && pending == null;
    }

    private boolean needsPairs() {
        return filter != null || node.joinType().outputsRight();
    }

    private void startProbeBatch(Batch batch) {
        probeBatch = batch;
        firstMatches = table.firstMatches(batch, node.leftKeys());
        probeMatched = new boolean[batch.rowCount()];
        probeRow = 0;
        chainCursor = NOT_STARTED;
    }

    private boolean[] presence(Batch batch) {
        boolean[] matched = new boolean[batch.rowCount()];
        for (int i = 0; i < matched.length; i++) {
            matched[i] = firstMatches[i] >= 0;
        }
        return matched;
    }

    /**
     * Pairs the current probe batch's rows with their build rows, at most {@link #MAX_OUTPUT_ROWS}
     * pairs per call (a probe row with many matches, or a cross join, must not make one huge
     * batch), resuming where the previous call stopped. Rows that depend on a probe row having no
     * match at all (LEFT, FULL, SEMI, ANTI) come out when the batch is done.
     */
    private Batch continueProbeBatch() {
        int n = probeBatch.rowCount();
        PairList pairs = new PairList(Math.min(MAX_OUTPUT_ROWS, n));
        while (probeRow < n && pairs.size < MAX_OUTPUT_ROWS) {
            int row = chainCursor == NOT_STARTED ? firstMatches[probeRow] : chainCursor;
            while (row >= 0 && pairs.size < MAX_OUTPUT_ROWS) {
                pairs.add(probeRow, row);
                row = table.nextMatch(row);
            }
            if (row >= 0) {
                chainCursor = row;
                break;
            }
            chainCursor = NOT_STARTED;
            probeRow++;
        }
        if (filter != null && pairs.size > 0) {
            BooleanVector keep = (BooleanVector) filter.evaluate(combine(probeBatch, pairs.left, pairs.right, pairs.size, everyColumn));
            pairs.retain(keep);
        }
        for (int p = 0; p < pairs.size; p++) {
            probeMatched[pairs.left[p]] = true;
        }
        if (buildMatched != null) {
            for (int p = 0; p < pairs.size; p++) {
                buildMatched[pairs.right[p]] = true;
            }
        }
        Batch batch = probeBatch;
        boolean batchDone = probeRow >= n;
        if (batchDone) {
            probeBatch = null;
        }
        if (!node.joinType().outputsRight()) {
            return batchDone ? semiOrAnti(batch, probeMatched) : null;
        }
        if (batchDone && node.joinType().keepsUnmatchedLeft()) {
            for (int i = 0; i < n; i++) {
                if (!probeMatched[i]) {
                    pairs.add(i, -1);
                }
            }
        }
        return pairs.size == 0 ? null : combine(batch, pairs.left, pairs.right, pairs.size, outputColumns);
    }

    private Batch semiOrAnti(Batch left, boolean[] matched) {
        boolean wanted = node.joinType() == JoinType.SEMI;
        int[] positions = new int[left.rowCount()];
        int count = 0;
        for (int i = 0; i < matched.length; i++) {
            if (matched[i] == wanted) {
                positions[count++] = i;
            }
        }
        Batch columns = allColumns ? left : left.select(outputColumns);
        return count == left.rowCount() ? columns : columns.take(positions, count);
    }

    private Batch unmatchedBuildRows() {
        int n = buildMatched.length;
        int[] right = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (!buildMatched[i]) {
                right[count++] = i;
            }
        }
        if (count == 0) {
            return null;
        }
        int[] left = new int[count];
        Arrays.fill(left, -1);
        List<ColumnVector> columns = new ArrayList<>();
        for (int c : outputColumns) {
            columns.add(c < leftTypes.size() ? VectorBuilder.constant(leftTypes.get(c), null, count)
                    : table.rows().column(c - leftTypes.size()).take(right, count));
        }
        return new Batch(columns, count);
    }

    /**
     * The {@code columns} of the joined rows: left columns at {@code left} positions, right columns at
     * {@code right} positions (-1: NULL). When each probe row is paired once, in order (a foreign key
     * meeting its dimension, after dynamic filters dropped the rows without a match), the probe columns
     * are passed on as they are.
     */
    private Batch combine(Batch probeBatch, int[] left, int[] right, int count, int[] columns) {
        List<ColumnVector> out = new ArrayList<>(columns.length);
        boolean everyProbeRowOnce = count == probeBatch.rowCount() && inOrder(left, count);
        Batch rows = table.rows();
        int leftCount = leftTypes.size();
        for (int c : columns) {
            if (c < leftCount) {
                ColumnVector column = probeBatch.column(c);
                out.add(everyProbeRowOnce ? column : column.take(left, count));
            } else {
                out.add(takeOrNull(rows.column(c - leftCount), rightTypes.get(c - leftCount), right, count));
            }
        }
        return new Batch(out, count);
    }

    /** Whether {@code positions[i] == i} for every i below {@code count}. */
    private static boolean inOrder(int[] positions, int count) {
        for (int i = 0; i < count; i++) {
            if (positions[i] != i) {
                return false;
            }
        }
        return true;
    }

    private static ColumnVector takeOrNull(ColumnVector column, DataType type, int[] positions, int count) {
        for (int i = 0; i < count; i++) {
            if (positions[i] < 0) {
                VectorBuilder builder = VectorBuilder.create(type, count);
                for (int j = 0; j < count; j++) {
                    if (positions[j] < 0) {
                        builder.appendNull();
                    } else {
                        builder.appendFrom(column, positions[j]);
                    }
                }
                return builder.build();
            }
        }
        return column.take(positions, count);
    }

    @Override
    public void close() {
        table = null;
        buildMatched = null;
        probeBatch = null;
        if (!counted) {
            counted = true;
            if (bridge.probeFinished()) {
                bridge.release();
            }
        }
    }

    /** Matching (left row, right row) pairs of one probe batch, in growable primitive arrays. */
    private static final class PairList {
        int[] left;
        int[] right;
        int size;

        PairList(int capacity) {
            left = new int[Math.max(16, capacity)];
            right = new int[left.length];
        }

        void add(int l, int r) {
            if (size == left.length) {
                left = Arrays.copyOf(left, size * 2);
                right = Arrays.copyOf(right, size * 2);
            }
            left[size] = l;
            right[size++] = r;
        }

        void retain(BooleanVector keep) {
            int out = 0;
            for (int p = 0; p < size; p++) {
                if (keep.isTrue(p)) {
                    left[out] = left[p];
                    right[out++] = right[p];
                }
            }
            size = out;
        }
    }
}
