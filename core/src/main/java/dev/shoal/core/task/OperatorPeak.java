package dev.shoal.core.task;

/** The most memory one operator of a task held at once (HashAggregate, Sort, OutputBuffer, ...). */
public record OperatorPeak(String operator, long peakBytes) {
}
