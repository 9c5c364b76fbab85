package dev.shoal.exec.window;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.VectorBuilder;
import dev.shoal.core.plan.SortKey;
import dev.shoal.core.plan.WindowCall;
import dev.shoal.core.plan.WindowNode;
import dev.shoal.core.type.DataType;
import dev.shoal.exec.memory.OperatorMemory;
import dev.shoal.exec.operator.Batches;
import dev.shoal.exec.operator.BufferingOperator;
import dev.shoal.exec.operator.HeldOutput;
import dev.shoal.exec.operator.RowComparator;

import java.util.ArrayList;
import java.util.List;

/**
 * Window functions: collects the task's rows (its exchange already brought each partition whole
 * to this task), sorts them by partition and order keys, finds partition and peer-group bounds,
 * then computes each call over every partition and appends its column.
 */
public final class WindowOperator extends BufferingOperator {
    private static final int OUTPUT_BATCH_ROWS = 8192;

    private final WindowNode node;
    private final OperatorMemory memory;
    private final List<Batch> batches = new ArrayList<>();
    private long inputBytes;

    public WindowOperator(WindowNode node, OperatorMemory memory) {
        this.node = node;
        this.memory = memory;
    }

    @Override
    protected void consume(Batch batch) {
        if (batch.rowCount() > 0) {
            batches.add(batch);
            inputBytes += batch.retainedBytes();
            memory.setBytes(inputBytes);
        }
    }

    @Override
    protected HeldOutput produce() {
        return HeldOutput.of(compute(), memory);
    }

    private List<Batch> compute() {
        List<DataType> types = node.input().outputTypes();
        if (batches.isEmpty()) {
            return List.of();
        }
        Batch all = Batches.concat(batches, types);
        batches.clear();
        List<SortKey> partitionKeys = node.partitionKeys().stream().map(k -> new SortKey(k, true, true)).toList();
        List<SortKey> keys = new ArrayList<>(partitionKeys);
        keys.addAll(node.orderKeys());
        int[] order = new RowComparator(all, keys).sortedPositions(all.rowCount());
        Batch sorted = all.take(order, order.length);
        int n = sorted.rowCount();
        int[] partitionEnd = bounds(sorted, partitionKeys, n, null);
        int[] peerEnd = bounds(sorted, keys, n, partitionEnd);
        List<ColumnVector> columns = new ArrayList<>(sorted.columns());
        for (WindowCall call : node.calls()) {
            VectorBuilder out = VectorBuilder.create(call.type(), n);
            WindowFunctions.compute(call, sorted, partitionEnd, peerEnd,
                    node.orderKeys().size() == 1 ? node.orderKeys().get(0) : null, out);
            columns.add(out.build());
        }
        return Batches.split(new Batch(columns, n), OUTPUT_BATCH_ROWS);
    }

    /**
     * For each row, the end (exclusive) of its run of rows equal on {@code keys}; runs never cross
     * the ends in {@code within} when given.
     */
    private static int[] bounds(Batch sorted, List<SortKey> keys, int n, int[] within) {
        int[] end = new int[n];
        RowComparator comparator = new RowComparator(sorted, keys);
        int start = 0;
        while (start < n) {
            int limit = within == null ? n : within[start];
            int stop = start + 1;
            while (stop < limit && comparator.compare(start, stop) == 0) {
                stop++;
            }
            for (int i = start; i < stop; i++) {
                end[i] = stop;
            }
            start = stop;
        }
        return end;
    }

    @Override
    public void close() {
        batches.clear();
        memory.free();
    }
}
