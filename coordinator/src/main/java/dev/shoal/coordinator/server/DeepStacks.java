package dev.shoal.coordinator.server;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Threads with a deep stack for parsing, validating and planning statements. Calcite converts and
 * validates expressions recursively: a WHERE of a few hundred ANDed conditions nests as deep, and
 * overflowed a request thread's stack before its JIT-compiled frames got smaller (a 400-relation
 * join with a 399-term WHERE failed on a fresh coordinator, and planned on a warm one). Past what
 * even these can take, the statement fails with STATEMENT_TOO_COMPLEX, as before.
 */
final class DeepStacks {
    /** Virtual address space reserved per thread; pages are committed only as the stack grows. */
    static final long STACK_BYTES = 8L << 20;

    private static final AtomicInteger NEXT = new AtomicInteger();

    private DeepStacks() {
    }

    private static final ExecutorService STATEMENTS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(null, runnable, "shoal-statement-" + NEXT.incrementAndGet(), STACK_BYTES);
        thread.setDaemon(true);
        return thread;
    });

    /** Starts {@code work} on a deep-stack thread (a write that outlives its request, see {@link AsyncWrites}). */
    static <T> CompletableFuture<T> start(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, STATEMENTS);
    }

    /** Runs {@code work} on a deep-stack thread and waits for it; what it throws is thrown here as it was. */
    static <T> T call(Supplier<T> work) {
        try {
            return start(work).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
