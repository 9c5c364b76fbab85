package dev.shoal.core.task;

import java.util.List;

/**
 * What a task did, reported by its worker for EXPLAIN ANALYZE and progress: files, rows and bytes
 * read from storage, row groups the joins' dynamic filters let it skip, rows of those read dropped by dynamic filters, received through exchanges and sent
 * through its output exchange, splits read to their end, and the most memory its operators held at once,
 * in all and per operator that held any (in the order the task built them).
 */
public record TaskStatus(TaskId taskId, int fragmentId, String workerId, TaskState state, long filesRead, long rowsRead, long bytesRead,
                         long rowGroupsSkipped, long rowsDynamicallyFiltered,
                         long rowsReceived, long bytesReceived, long rowsSent, long bytesSent,
                         long peakBufferedBytes, long elapsedMillis, long splitsCompleted, long peakMemoryBytes,
                         List<OperatorPeak> operatorPeaks) {
    public TaskStatus {
        operatorPeaks = operatorPeaks == null ? List.of() : List.copyOf(operatorPeaks);
    }
}
