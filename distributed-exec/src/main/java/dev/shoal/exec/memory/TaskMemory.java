package dev.shoal.exec.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one task's operators hold, rolled up into its worker's pool, with its peak. When the task's
 * thread ends, whatever an operator still states it holds is released (a task stopped midway does
 * not close every operator), so that a failed or canceled task leaves its pool as it found it.
 */
public final class TaskMemory {
    private final MemoryPool pool;
    private final AtomicLong reserved = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();
    private final List<OperatorMemory> operators = new CopyOnWriteArrayList<>();

    TaskMemory(MemoryPool pool) {
        this.pool = pool;
    }

    /** A new operator's memory, named for reports (HashAggregate, Sort, OutputBuffer, ...). */
    public OperatorMemory operator(String name) {
        OperatorMemory memory = new OperatorMemory(this, name);
        operators.add(memory);
        return memory;
    }

    void add(long delta) {
        long now = reserved.addAndGet(delta);
        peak.accumulateAndGet(now, Math::max);
        pool.add(delta);
    }

    public long reservedBytes() {
        return reserved.get();
    }

    public long peakBytes() {
        return peak.get();
    }

    /** Its operators' memory, for reports of what each held at most. */
    public List<OperatorMemory> operators() {
        return List.copyOf(operators);
    }

    /**
     * Asks the task's revocable operators to give back what they hold, the largest holders first,
     * until those asked hold {@code bytes}; returns what they held when asked (what they will free on
     * their next turn). The hook spilling builds on.
     */
    public long requestRevoke(long bytes) {
        long asked = 0;
        List<OperatorMemory> largestFirst = new ArrayList<>(operators);
        largestFirst.sort(Comparator.comparingLong(OperatorMemory::bytes).reversed());
        for (OperatorMemory operator : largestFirst) {
            if (asked >= bytes) {
                break;
            }
            long held = operator.bytes();
            if (held > 0 && operator.requestRevoke()) {
                asked += held;
            }
        }
        return asked;
    }

    /** Releases every operator's memory but {@code kept}'s, which frees its own (an output buffer, drained by consumers). */
    public void closeAllBut(OperatorMemory kept) {
        operators.stream().filter(operator -> operator != kept).forEach(OperatorMemory::free);
    }
}
