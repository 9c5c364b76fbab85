package dev.shoal.exec.operator;

import dev.shoal.core.batch.Batch;

/**
 * An operator that turns each input batch into at most one output batch with no state carried
 * between them (filters, projections): it holds one batch at most.
 */
public abstract class BatchTransform implements Operator {
    private Batch pending;
    private boolean finishing;

    /** The batch's output, or null when nothing of it remains. */
    protected abstract Batch process(Batch batch);

    @Override
    public boolean needsInput() {
        return !finishing && pending == null;
    }

    @Override
    public void addInput(Batch batch) {
        Batch out = process(batch);
        pending = out == null || out.rowCount() == 0 ? null : out;
    }

    @Override
    public Batch getOutput() {
        Batch out = pending;
        pending = null;
        return out;
    }

    @Override
    public void finish() {
        finishing = true;
    }

    @Override
    public boolean isFinished() {
        return finishing && pending == null;
    }

    /** Whether an output batch waits to be taken. */
    protected final boolean hasPending() {
        return pending != null;
    }
}
