package dev.shoal.exec.join;

import dev.shoal.core.batch.Batch;
import dev.shoal.exec.operator.Operator;

/** The sink of a join's build pipeline: hands one driver's build rows to the {@link JoinBridge}. */
public final class HashBuildOperator implements Operator {
    private final JoinBridge bridge;
    private boolean finished;

    public HashBuildOperator(JoinBridge bridge) {
        this.bridge = bridge;
    }

    @Override
    public boolean needsInput() {
        return !finished;
    }

    @Override
    public void addInput(Batch batch) {
        bridge.addBuildRows(batch);
    }

    @Override
    public Batch getOutput() {
        return null;
    }

    @Override
    public void finish() {
        if (!finished) {
            finished = true;
            bridge.buildFinished();
        }
    }

    @Override
    public boolean isFinished() {
        return finished;
    }
}
