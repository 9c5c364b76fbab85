package dev.shoal.exec.exchange;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.task.OutputSpec;

/** Routes a driver's output batches into its task's {@link ExchangeSink} partitions by the exchange kind. */
public final class PartitionedOutputWriter {
    private final OutputSpec spec;
    private final ExchangeSink buffer;
    private int nextPartition;

    public PartitionedOutputWriter(OutputSpec spec, ExchangeSink buffer) {
        this.spec = spec;
        this.buffer = buffer;
    }

    public void write(Batch batch) {
        int partitions = buffer.partitionCount();
        switch (spec.kind()) {
            case GATHER -> buffer.add(0, batch);
            case BROADCAST -> {
                for (int p = 0; p < partitions; p++) {
                    buffer.add(p, batch);
                }
            }
            case ROUND_ROBIN -> {
                buffer.add(nextPartition, batch);
                nextPartition = (nextPartition + 1) % partitions;
            }
            case HASH -> writeHashed(batch, partitions);
        }
    }

    private void writeHashed(Batch batch, int partitions) {
        if (partitions == 1) {
            buffer.add(0, batch);
            return;
        }
        Batch[] parts = RowHasher.split(batch, spec.keys(), partitions, 0);
        for (int p = 0; p < partitions; p++) {
            if (parts[p] != null) {
                buffer.add(p, parts[p]);
            }
        }
    }
}
