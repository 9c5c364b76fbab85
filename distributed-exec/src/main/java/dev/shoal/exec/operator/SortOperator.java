package dev.shoal.exec.operator;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.plan.SortKey;
import dev.shoal.core.type.DataType;
import dev.shoal.exec.memory.OperatorMemory;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Collects all input, sorts it, and emits it in batches. */
public final class SortOperator implements Operator {
    static final int OUTPUT_BATCH_ROWS = 8192;

    private final Operator input;
    private final List<SortKey> keys;
    private final List<DataType> types;
    private final OperatorMemory memory;
    private Iterator<Batch> output;
    private long heldBytes;

    public SortOperator(Operator input, List<SortKey> keys, List<DataType> types, OperatorMemory memory) {
        this.input = input;
        this.memory = memory;
        this.keys = keys;
        this.types = types;
    }

    @Override
    public Batch next() {
        if (output == null) {
            List<Batch> batches = new ArrayList<>();
            for (Batch batch = input.next(); batch != null; batch = input.next()) {
                batches.add(batch);
                heldBytes += batch.retainedBytes();
                memory.setBytes(heldBytes);
            }
            List<Batch> sorted = batches.isEmpty() ? List.of() : sort(Batches.concat(batches, types));
            heldBytes = sorted.stream().mapToLong(Batch::retainedBytes).sum();
            memory.setBytes(heldBytes);
            output = sorted.iterator();
        }
        if (!output.hasNext()) {
            memory.free();
            return null;
        }
        Batch batch = output.next();
        heldBytes -= batch.retainedBytes();
        memory.setBytes(heldBytes);
        return batch;
    }

    private List<Batch> sort(Batch all) {
        int[] order = new RowComparator(all, keys).sortedPositions(all.rowCount());
        return Batches.split(all.take(order, order.length), OUTPUT_BATCH_ROWS);
    }

    @Override
    public void close() {
        output = null;
        memory.free();
        input.close();
    }
}
