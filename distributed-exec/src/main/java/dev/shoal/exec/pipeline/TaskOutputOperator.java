package dev.shoal.exec.pipeline;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.task.OutputSpec;
import dev.shoal.exec.exchange.ExchangeSink;
import dev.shoal.exec.exchange.PartitionedOutputWriter;
import dev.shoal.exec.operator.SinkOperator;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

/**
 * The end of a task's last pipeline: writes a driver's batches into the task's {@link ExchangeSink}
 * by the output's partitioning, blocked while the sink is full. The task ends the sink once all
 * its drivers are done.
 */
public final class TaskOutputOperator implements SinkOperator {
    private final ExchangeSink sink;
    private final PartitionedOutputWriter writer;
    private final LongAdder rowsOutput;
    private boolean finished;

    public TaskOutputOperator(ExchangeSink sink, OutputSpec spec, LongAdder rowsOutput) {
        this.sink = sink;
        this.writer = new PartitionedOutputWriter(spec, sink);
        this.rowsOutput = rowsOutput;
    }

    @Override
    public CompletableFuture<Void> isBlocked() {
        return sink.isBlocked();
    }

    @Override
    public boolean needsInput() {
        return !finished;
    }

    @Override
    public void addInput(Batch batch) {
        rowsOutput.add(batch.rowCount());
        writer.write(batch);
    }

    @Override
    public void finish() {
        finished = true;
    }

    @Override
    public boolean isFinished() {
        return finished;
    }
}
