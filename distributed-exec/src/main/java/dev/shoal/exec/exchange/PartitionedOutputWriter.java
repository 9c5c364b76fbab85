package dev.shoal.exec.exchange;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.ColumnVector;
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
        ColumnVector[] keys = new ColumnVector[spec.keys().size()];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = batch.column(spec.keys().get(k));
        }
        int rows = batch.rowCount();
        int[] target = RowHasher.partitions(keys, rows, partitions);
        int[] counts = new int[partitions];
        for (int i = 0; i < rows; i++) {
            counts[target[i]]++;
        }
        for (int p = 0; p < partitions; p++) {
            if (counts[p] == 0) {
                continue;
            }
            int[] positions = new int[counts[p]];
            int n = 0;
            for (int i = 0; i < rows; i++) {
                if (target[i] == p) {
                    positions[n++] = i;
                }
            }
            buffer.add(p, n == rows ? batch : batch.take(positions, n));
        }
    }
}
