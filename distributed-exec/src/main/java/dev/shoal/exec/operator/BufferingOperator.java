package dev.shoal.exec.operator;

import dev.shoal.core.batch.Batch;

/**
 * A pipeline breaker within a driver (aggregation, sort, TopN, window): it takes all its input,
 * then computes its output once, when its input ends, and hands it out batch by batch.
 */
public abstract class BufferingOperator implements Operator {
    private HeldOutput output;

    /** Takes one input batch. */
    protected abstract void consume(Batch batch);

    /** The output, computed once all input was consumed. */
    protected abstract HeldOutput produce();

    @Override
    public boolean needsInput() {
        return output == null;
    }

    @Override
    public void addInput(Batch batch) {
        consume(batch);
    }

    @Override
    public void finish() {
        if (output == null) {
            output = produce();
        }
    }

    @Override
    public Batch getOutput() {
        return output == null ? null : output.next();
    }

    @Override
    public boolean isFinished() {
        return output != null && output.isDrained();
    }
}
