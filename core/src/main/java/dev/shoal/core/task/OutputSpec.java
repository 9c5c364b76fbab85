package dev.shoal.core.task;

import dev.shoal.core.plan.ExchangeKind;

import java.util.List;

/**
 * How a task partitions its output for the tasks that read it: by {@code kind} (and hash
 * {@code keys}) into {@code partitionCount} partitions, one per consuming task.
 */
public record OutputSpec(ExchangeKind kind, List<Integer> keys, int partitionCount) {
    public OutputSpec {
        keys = List.copyOf(keys);
        if (partitionCount < 1) {
            throw new IllegalArgumentException("an output needs at least one partition");
        }
    }
}
