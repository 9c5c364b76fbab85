package dev.shoal.jdbc;

/**
 * What a statement's query is doing, as the coordinator reports it: its id (Trino's form) and
 * state, milliseconds since it was submitted, splits read of those planned, rows and bytes read
 * from storage (final once it ended: the rows and bytes it scanned), rows returned, and its error code if it failed.
 */
public record QueryProgress(String queryId, String state, long elapsedMillis, long totalSplits, long completedSplits,
                            long rowsRead, long bytesRead, long outputRows, String errorCode) {
    /** Whether the query has ended (FINISHED, FAILED or CANCELED). */
    public boolean isDone() {
        return state.equals("FINISHED") || state.equals("FAILED") || state.equals("CANCELED");
    }
}
