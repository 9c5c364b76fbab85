package dev.shoal.exec.exchange;

import dev.shoal.core.task.TaskId;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Finds the output buffer of a task this process runs, for a consumer's ticket. */
@FunctionalInterface
public interface OutputBufferSource {
    /** How long a consumer waits for its producer task to be created here before it is refused. */
    long CREATION_WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** The task's buffer, or null when no such task runs here. */
    OutputBuffer buffer(TaskId taskId);

    /**
     * The task's buffer, waiting up to {@link #CREATION_WAIT_NANOS} for the task to be created here: the
     * coordinator creates a query's tasks all at once, so a consumer may ask before its producer exists.
     * Null when it does not come, or once the consumer {@code gaveUp}.
     */
    default OutputBuffer await(TaskId taskId, BooleanSupplier gaveUp) {
        OutputBuffer buffer = buffer(taskId);
        long deadline = System.nanoTime() + CREATION_WAIT_NANOS;
        while (buffer == null && !gaveUp.getAsBoolean() && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(200_000);
            buffer = buffer(taskId);
        }
        return buffer;
    }
}
