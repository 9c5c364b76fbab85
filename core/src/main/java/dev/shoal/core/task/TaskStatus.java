package dev.shoal.core.task;

/**
 * What a task did, reported by its worker for EXPLAIN ANALYZE and progress: files, rows and bytes
 * read from storage, rows of those dropped by dynamic filters, received through exchanges and sent
 * through its output exchange, splits read to their end, and the most memory its operators held at once.
 */
public record TaskStatus(TaskId taskId, int fragmentId, String workerId, TaskState state, long filesRead, long rowsRead, long bytesRead,
                         long rowsDynamicallyFiltered,
                         long rowsReceived, long bytesReceived, long rowsSent, long bytesSent,
                         long peakBufferedBytes, long elapsedMillis, long splitsCompleted, long peakMemoryBytes) {
}
