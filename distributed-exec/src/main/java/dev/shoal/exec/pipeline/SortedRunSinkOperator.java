package dev.shoal.exec.pipeline;

import dev.shoal.core.batch.Batch;
import dev.shoal.exec.operator.SinkOperator;

import java.util.ArrayList;
import java.util.List;

/** The end of a sorting pipeline: one driver's sorted output, handed to {@link SortedRuns} as a run. */
public final class SortedRunSinkOperator implements SinkOperator {
    private final SortedRuns runs;
    private final List<Batch> run = new ArrayList<>();
    private boolean finished;

    public SortedRunSinkOperator(SortedRuns runs) {
        this.runs = runs;
    }

    @Override
    public boolean needsInput() {
        return !finished;
    }

    @Override
    public void addInput(Batch batch) {
        run.add(batch);
    }

    @Override
    public void finish() {
        if (!finished) {
            finished = true;
            runs.addRun(List.copyOf(run));
            run.clear();
        }
    }

    @Override
    public boolean isFinished() {
        return finished;
    }

    @Override
    public void close() {
        run.clear();
    }
}
