package dev.shoal.coordinator.server;

/**
 * What a client's statement is doing now, as the shell shows it: its query's id and state, time
 * since it was submitted, splits read of those planned, rows and bytes read from storage so far
 * (final once it ended and its tasks were released), rows returned, and the error code if it failed.
 */
public record StatementProgress(String queryId, String state, long elapsedMillis, long totalSplits, long completedSplits,
                                long rowsRead, long bytesRead, long outputRows, String errorCode) {
}
