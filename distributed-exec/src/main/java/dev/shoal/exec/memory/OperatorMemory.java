package dev.shoal.exec.memory;

/**
 * What one operator holds: it states the bytes it retains whenever they change (Trino's
 * LocalMemoryContext), and states 0 when it frees them. The change rolls up into its task and
 * worker. Thread-safe: an output buffer is filled by its task and drained by its consumers.
 */
public final class OperatorMemory {
    private final TaskMemory task;
    private final String name;
    private long bytes;
    private long peak;
    private volatile Revocable revocable;

    /**
     * What an operator does when asked to give memory back: it frees what it can on its own driver's
     * next turn (a partial aggregation sends its groups on and starts over; a spilling operator will
     * write to disk), so the request only flags it.
     */
    @FunctionalInterface
    public interface Revocable {
        void requestRevoke();
    }

    OperatorMemory(TaskMemory task, String name) {
        this.task = task;
        this.name = name;
    }

    /** Memory that rolls up into no one's pool: for an operator run outside a task (tests, tools). */
    public static OperatorMemory untracked(String name) {
        return new MemoryPool().newTask().operator(name);
    }

    /** The operator now holds {@code newBytes}. */
    public synchronized void setBytes(long newBytes) {
        long delta = newBytes - bytes;
        bytes = newBytes;
        peak = Math.max(peak, newBytes);
        if (delta != 0) {
            task.add(delta);
        }
    }

    /** Marks the operator as able to give memory back when asked (Trino's revocable memory). */
    public void revocable(Revocable operator) {
        this.revocable = operator;
    }

    /** Asks the operator to give back what it can; false when it cannot give anything back. */
    public boolean requestRevoke() {
        Revocable operator = revocable;
        if (operator == null) {
            return false;
        }
        operator.requestRevoke();
        return true;
    }

    public void free() {
        setBytes(0);
    }

    public String name() {
        return name;
    }

    public synchronized long bytes() {
        return bytes;
    }

    public synchronized long peakBytes() {
        return peak;
    }
}
