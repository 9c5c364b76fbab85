package dev.shoal.exec.operator;

import dev.shoal.core.batch.Batch;
import dev.shoal.exec.memory.OperatorMemory;

import java.util.Iterator;
import java.util.List;

/**
 * A breaker's computed output (sorted rows, groups, window columns), emitted batch by batch: what
 * is not emitted yet stays reserved in the operator's memory, and the memory is back at 0 once all
 * is emitted (the rows then belong to the operators above).
 */
public final class HeldOutput {
    private final Iterator<Batch> batches;
    private final OperatorMemory memory;
    private long heldBytes;

    private HeldOutput(List<Batch> batches, OperatorMemory memory) {
        this.batches = batches.iterator();
        this.memory = memory;
        this.heldBytes = batches.stream().mapToLong(Batch::retainedBytes).sum();
        memory.setBytes(heldBytes);
    }

    /** Holds {@code batches}, reserving what they retain (in place of whatever the operator reserved before). */
    public static HeldOutput of(List<Batch> batches, OperatorMemory memory) {
        return new HeldOutput(batches, memory);
    }

    /** Whether every batch was emitted (and nothing is reserved any more). */
    public boolean isDrained() {
        return !batches.hasNext();
    }

    /** The next batch, or null (and nothing reserved) once all were emitted. */
    public Batch next() {
        if (!batches.hasNext()) {
            memory.free();
            return null;
        }
        Batch batch = batches.next();
        heldBytes -= batch.retainedBytes();
        memory.setBytes(heldBytes);
        return batch;
    }
}
