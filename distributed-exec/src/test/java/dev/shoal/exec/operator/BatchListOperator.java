package dev.shoal.exec.operator;

import dev.shoal.core.batch.Batch;

import java.util.Iterator;
import java.util.List;

/** Test input: hands out the given batches, then null. */
public final class BatchListOperator implements Operator {
    private final Iterator<Batch> batches;

    public BatchListOperator(List<Batch> batches) {
        this.batches = batches.iterator();
    }

    public static Operator of(Batch... batches) {
        return new BatchListOperator(List.of(batches));
    }

    @Override
    public Batch next() {
        return batches.hasNext() ? batches.next() : null;
    }

    @Override
    public void close() {
    }
}
