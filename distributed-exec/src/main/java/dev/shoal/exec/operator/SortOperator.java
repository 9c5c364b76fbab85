package dev.shoal.exec.operator;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.plan.SortKey;
import dev.shoal.core.type.DataType;
import dev.shoal.exec.memory.OperatorMemory;

import java.util.ArrayList;
import java.util.List;

/** Collects all input, sorts it, and emits it in batches. */
public final class SortOperator implements Operator {
    static final int OUTPUT_BATCH_ROWS = 8192;

    private final Operator input;
    private final List<SortKey> keys;
    private final List<DataType> types;
    private final OperatorMemory memory;
    private HeldOutput output;

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
            long inputBytes = 0;
            for (Batch batch = input.next(); batch != null; batch = input.next()) {
                batches.add(batch);
                inputBytes += batch.retainedBytes();
                memory.setBytes(inputBytes);
            }
            output = HeldOutput.of(batches.isEmpty() ? List.of() : sort(Batches.concat(batches, types)), memory);
        }
        return output.next();
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
