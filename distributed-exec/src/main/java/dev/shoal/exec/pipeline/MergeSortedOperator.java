package dev.shoal.exec.pipeline;

import dev.shoal.core.batch.Batch;
import dev.shoal.exec.memory.OperatorMemory;
import dev.shoal.exec.operator.HeldOutput;
import dev.shoal.exec.operator.SourceOperator;

import java.util.concurrent.CompletableFuture;

/** The start of the pipeline after a parallel sort: the merge of its {@link SortedRuns}, once all are in. */
public final class MergeSortedOperator implements SourceOperator {
    private final SortedRuns runs;
    private final OperatorMemory memory;
    private HeldOutput output;

    public MergeSortedOperator(SortedRuns runs, OperatorMemory memory) {
        this.runs = runs;
        this.memory = memory;
    }

    @Override
    public CompletableFuture<Void> isBlocked() {
        return runs.complete();
    }

    @Override
    public Batch getOutput() {
        if (!runs.complete().isDone()) {
            return null;
        }
        if (output == null) {
            output = HeldOutput.of(runs.merge(), memory);
            runs.release();
        }
        return output.next();
    }

    @Override
    public boolean isFinished() {
        return output != null && output.isDrained();
    }

    @Override
    public void close() {
        output = null;
        memory.free();
        runs.release();
    }
}
