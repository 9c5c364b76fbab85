package dev.shoal.exec.memory;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A worker's memory: what its tasks' operators hold right now, and the most they held at once
 * (Trino's memory pool, for accounting: nothing is refused yet, and spilling will revoke from here).
 */
public final class MemoryPool {
    private final AtomicLong reserved = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();

    /** The memory of a new task, rolling up into this pool. */
    public TaskMemory newTask() {
        return new TaskMemory(this);
    }

    void add(long delta) {
        long now = reserved.addAndGet(delta);
        peak.accumulateAndGet(now, Math::max);
    }

    public long reservedBytes() {
        return reserved.get();
    }

    public long peakBytes() {
        return peak.get();
    }
}
