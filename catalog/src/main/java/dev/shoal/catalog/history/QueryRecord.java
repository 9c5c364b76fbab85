package dev.shoal.catalog.history;

import java.time.Instant;

/**
 * One query as system.runtime.queries shows it: Trino's columns, and Shoal's output rows, bytes
 * scanned and peak memory. {@code started} is null until execution began, {@code end} until it ended;
 * {@code errorType}, {@code errorCode} and {@code errorMessage} are null unless it failed;
 * {@code peakMemoryBytes} (the sum of its tasks' peaks) is null until its tasks are released.
 */
public record QueryRecord(String queryId, String state, String user, String source, String query,
                          long queuedMillis, long analysisMillis, long planningMillis,
                          Instant created, Instant started, Instant lastHeartbeat, Instant end,
                          String errorType, String errorCode, String errorMessage, long rows, long bytesScanned,
                          Long peakMemoryBytes) {
}
