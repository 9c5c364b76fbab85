package dev.shoal.exec.join;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.BooleanVector;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.VectorBuilder;
import dev.shoal.core.plan.JoinNode;
import dev.shoal.core.plan.JoinType;
import dev.shoal.core.type.DataType;
import dev.shoal.exec.dynamicfilter.DynamicFilterPublisher;
import dev.shoal.exec.expression.ExpressionCompiler;
import dev.shoal.exec.expression.VectorExpression;
import dev.shoal.exec.memory.OperatorMemory;
import dev.shoal.exec.operator.Batches;
import dev.shoal.exec.operator.Operator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Hash join: reads the whole right input into a {@link JoinHashTable}, then streams the left
 * input through it, in output batches of bounded size. Handles INNER, LEFT,
 * RIGHT, FULL, SEMI and ANTI, with an optional residual condition checked on each candidate pair.
 * Unmatched right rows (RIGHT, FULL) come out after the probe side is exhausted.
 */
public final class HashJoinOperator implements Operator {
    static final int MAX_OUTPUT_ROWS = 16_384;
    private static final int NOT_STARTED = -2;

    private final Operator probe;
    private final Operator build;
    private final JoinNode node;
    private final VectorExpression filter;
    private final List<DataType> leftTypes;
    private final List<DataType> rightTypes;
    private final DynamicFilterPublisher dynamicFilter;
    private final OperatorMemory memory;
    private JoinHashTable table;
    private boolean[] buildMatched;
    private boolean probeDone;
    private boolean tailEmitted;
    private boolean finished;
    // The probe batch being joined, and where its pairing stopped.
    private Batch probeBatch;
    private int[] firstMatches;
    private boolean[] probeMatched;
    private int probeRow;
    private int chainCursor;

    public HashJoinOperator(Operator probe, Operator build, JoinNode node, OperatorMemory memory) {
        this(probe, build, node, null, memory);
    }

    /** {@code dynamicFilter}, when not null, receives the build keys as soon as the table is built. */
    public HashJoinOperator(Operator probe, Operator build, JoinNode node, DynamicFilterPublisher dynamicFilter, OperatorMemory memory) {
        this.memory = memory;
        this.probe = probe;
        this.dynamicFilter = dynamicFilter;
        this.build = build;
        this.node = node;
        this.filter = node.filter() == null ? null : ExpressionCompiler.compile(node.filter());
        this.leftTypes = node.left().outputTypes();
        this.rightTypes = node.right().outputTypes();
    }

    @Override
    public Batch next() {
        if (finished) {
            return null;
        }
        if (table == null) {
            buildTable();
        }
        while (true) {
            if (probeBatch == null) {
                if (probeDone) {
                    break;
                }
                Batch batch = probe.next();
                if (batch == null) {
                    probeDone = true;
                    break;
                }
                if (batch.rowCount() == 0) {
                    continue;
                }
                startProbeBatch(batch);
                if (!needsPairs()) {
                    Batch out = semiOrAnti(batch, presence(batch));
                    probeBatch = null;
                    if (out.rowCount() > 0) {
                        return out;
                    }
                    continue;
                }
            }
            Batch out = continueProbeBatch();
            if (out != null && out.rowCount() > 0) {
                return out;
            }
        }
        if (!tailEmitted) {
            tailEmitted = true;
            if (node.joinType().keepsUnmatchedRight()) {
                return unmatchedBuildRows();
            }
        }
        // Done: the table is freed before the operators above finish (they may hold rows of their own).
        finished = true;
        table = null;
        buildMatched = null;
        memory.free();
        return null;
    }

    private void buildTable() {
        List<Batch> batches = new ArrayList<>();
        long buildBytes = 0;
        for (Batch batch = build.next(); batch != null; batch = build.next()) {
            if (batch.rowCount() > 0) {
                batches.add(batch);
                buildBytes += batch.retainedBytes();
                memory.setBytes(buildBytes);
            }
        }
        build.close();
        Batch rows = batches.isEmpty() ? emptyBatch(rightTypes) : Batches.concat(batches, rightTypes);
        List<DataType> keyTypes = node.rightKeys().stream().map(rightTypes::get).toList();
        table = new JoinHashTable(rows, node.rightKeys(), keyTypes);
        buildMatched = new boolean[rows.rowCount()];
        memory.setBytes(table.retainedBytes() + buildMatched.length);
        if (dynamicFilter != null) {
            dynamicFilter.publish(rows, node.rightKeys());
        }
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
            BooleanVector keep = (BooleanVector) filter.evaluate(combine(probeBatch, pairs.left, pairs.right, pairs.size));
            pairs.retain(keep);
        }
        for (int p = 0; p < pairs.size; p++) {
            probeMatched[pairs.left[p]] = true;
            buildMatched[pairs.right[p]] = true;
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
        return pairs.size == 0 ? null : combine(batch, pairs.left, pairs.right, pairs.size);
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
        return count == left.rowCount() ? left : left.take(positions, count);
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
        for (DataType type : leftTypes) {
            columns.add(VectorBuilder.constant(type, null, count));
        }
        for (ColumnVector column : table.rows().columns()) {
            columns.add(column.take(right, count));
        }
        return new Batch(columns, count);
    }

    /** Left columns at {@code left} positions, then right columns at {@code right} positions (-1: NULL). */
    private Batch combine(Batch probeBatch, int[] left, int[] right, int count) {
        List<ColumnVector> columns = new ArrayList<>(leftTypes.size() + rightTypes.size());
        for (ColumnVector column : probeBatch.columns()) {
            columns.add(column.take(left, count));
        }
        Batch rows = table.rows();
        for (int c = 0; c < rightTypes.size(); c++) {
            columns.add(takeOrNull(rows.column(c), rightTypes.get(c), right, count));
        }
        return new Batch(columns, count);
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

    private static Batch emptyBatch(List<DataType> types) {
        return new Batch(types.stream().map(t -> VectorBuilder.create(t, 0).build()).toList(), 0);
    }

    @Override
    public void close() {
        table = null;
        buildMatched = null;
        memory.free();
        if (dynamicFilter != null) {
            dynamicFilter.release();
        }
        probe.close();
        build.close();
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
