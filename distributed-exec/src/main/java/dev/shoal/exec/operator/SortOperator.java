package dev.shoal.exec.operator;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.plan.SortKey;
import dev.shoal.core.type.DataType;
import dev.shoal.exec.memory.OperatorMemory;

import java.util.ArrayList;
import java.util.List;

/** Collects all input, sorts it, and emits it in batches. */
public final class SortOperator extends BufferingOperator {
    static final int OUTPUT_BATCH_ROWS = 8192;

    private final List<SortKey> keys;
    private final List<DataType> types;
    private final OperatorMemory memory;
    private final List<Batch> batches = new ArrayList<>();
    private long inputBytes;

    public SortOperator(List<SortKey> keys, List<DataType> types, OperatorMemory memory) {
        this.memory = memory;
        this.keys = keys;
        this.types = types;
    }

    @Override
    protected void consume(Batch batch) {
        batches.add(batch);
        inputBytes += batch.retainedBytes();
        memory.setBytes(inputBytes);
    }

    @Override
    protected HeldOutput produce() {
        List<Batch> input = List.copyOf(batches);
        batches.clear();
        return HeldOutput.of(input.isEmpty() ? List.of() : sort(Batches.concat(input, types)), memory);
    }

    private List<Batch> sort(Batch all) {
        int[] order = new RowComparator(all, keys).sortedPositions(all.rowCount());
        return Batches.split(all.take(order, order.length), OUTPUT_BATCH_ROWS);
    }

    @Override
    public void close() {
        batches.clear();
        memory.free();
    }
}
