package dev.shoal.core.plan;

/**
 * Where an aggregation stands in a split aggregation: SINGLE computes final values from rows;
 * PARTIAL computes intermediate states (AVG: sum and count) from rows; FINAL merges intermediate
 * states into final values.
 */
public enum AggregateStep {
    SINGLE, PARTIAL, FINAL
}
