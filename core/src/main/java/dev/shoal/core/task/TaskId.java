package dev.shoal.core.task;

import java.util.Comparator;
import java.util.Objects;

/**
 * A task: partition {@code partition} of fragment {@code fragmentId} of a query, in its
 * {@code attempt}-th try (0 first; a retried task gets the next attempt, so that its output and
 * its statistics are never mistaken for an earlier try's). Written {@code query.fragment.partition.attempt}.
 */
public record TaskId(String queryId, int fragmentId, int partition, int attempt) implements Comparable<TaskId> {
    private static final Comparator<TaskId> ORDER = Comparator.comparing(TaskId::queryId).thenComparingInt(TaskId::fragmentId)
            .thenComparingInt(TaskId::partition).thenComparingInt(TaskId::attempt);

    public TaskId {
        Objects.requireNonNull(queryId, "queryId");
        if (queryId.isEmpty() || queryId.contains(".") || queryId.contains("#")) {
            throw new IllegalArgumentException("a query id is a non-empty name without '.' or '#', got '" + queryId + "'");
        }
    }

    /** The text form {@link #toString()} writes. */
    public static TaskId parse(String text) {
        String[] parts = text.split("\\.");
        if (parts.length != 4) {
            throw new IllegalArgumentException("not a task id (query.fragment.partition.attempt): " + text);
        }
        return new TaskId(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), Integer.parseInt(parts[3]));
    }

    @Override
    public int compareTo(TaskId other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return queryId + "." + fragmentId + "." + partition + "." + attempt;
    }
}
