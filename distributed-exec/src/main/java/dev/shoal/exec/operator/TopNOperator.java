package dev.shoal.exec.operator;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.plan.SortKey;
import dev.shoal.core.type.DataType;
import dev.shoal.exec.memory.OperatorMemory;

import java.util.ArrayList;
import java.util.List;

/**
 * ORDER BY ... LIMIT n without sorting everything: keeps at most about 2n candidate rows,
 * trimming back to the best n whenever the buffer fills.
 */
public final class TopNOperator extends BufferingOperator {
    private final List<SortKey> keys;
    private final List<DataType> types;
    private final int count;
    private final List<Batch> buffered = new ArrayList<>();
    private int bufferedRows;
    private final OperatorMemory memory;
    private long heldBytes;

    public TopNOperator(List<SortKey> keys, List<DataType> types, long count, OperatorMemory memory) {
        this.memory = memory;
        this.keys = keys;
        this.types = types;
        this.count = (int) Math.min(count, Integer.MAX_VALUE - 8);
    }

    @Override
    public boolean needsInput() {
        return count > 0 && super.needsInput();
    }

    @Override
    public boolean isFinished() {
        return count == 0 || super.isFinished();
    }

    @Override
    protected void consume(Batch batch) {
        buffered.add(batch);
        bufferedRows += batch.rowCount();
        heldBytes += batch.retainedBytes();
        memory.setBytes(heldBytes);
        if (bufferedRows >= Math.max(2L * count, 4096)) {
            trim();
        }
    }

    @Override
    protected HeldOutput produce() {
        trim();
        List<Batch> best = buffered.isEmpty() ? List.of() : Batches.split(buffered.get(0), SortOperator.OUTPUT_BATCH_ROWS);
        buffered.clear();
        return HeldOutput.of(best, memory);
    }

    private void trim() {
        if (buffered.isEmpty()) {
            return;
        }
        Batch all = Batches.concat(buffered, types);
        int[] order = new RowComparator(all, keys).sortedPositions(all.rowCount());
        int keep = Math.min(count, order.length);
        buffered.clear();
        Batch best = all.take(order, keep);
        buffered.add(best);
        bufferedRows = keep;
        heldBytes = best.retainedBytes();
        memory.setBytes(heldBytes);
    }

    @Override
    public void close() {
        buffered.clear();
        memory.free();
    }
}
