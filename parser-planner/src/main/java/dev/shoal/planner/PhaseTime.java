package dev.shoal.planner;

/** How long one phase of planning took (EXPLAIN ANALYZE shows each). */
public record PhaseTime(String phase, long nanos) {
}
