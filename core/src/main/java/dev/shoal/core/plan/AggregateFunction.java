package dev.shoal.core.plan;

/** Aggregate functions the hash aggregation computes. */
public enum AggregateFunction {
    COUNT_STAR, COUNT, SUM, AVG, MIN, MAX
}
