package dev.shoal.coordinator.server;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Writes (CREATE TABLE AS, INSERT) for Shoal's driver run off the request's thread, as queries do:
 * execute answers once the write is committed or after a bounded wait, with {@link #PENDING} as
 * its update count, and the driver then asks {@code /v1/update/} (each call also waiting a bounded
 * time) until it ends. No HTTP call is held for the length of a write, whatever proxies sit between.
 */
final class AsyncWrites {
    /** The update count that tells Shoal's driver its write still runs. */
    static final long PENDING = Long.MAX_VALUE;

    private final long waitMillis;

    AsyncWrites(long waitMillis) {
        this.waitMillis = waitMillis;
    }

    CompletableFuture<Long> start(Supplier<Long> write) {
        return DeepStacks.start(write);
    }

    /** The write's update count once it ended within the wait, else {@link #PENDING}; its failure is thrown as it was. */
    long await(CompletableFuture<Long> write) {
        try {
            return write.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return PENDING;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShoalException(ErrorCode.QUERY_CANCELED, "the request was interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
