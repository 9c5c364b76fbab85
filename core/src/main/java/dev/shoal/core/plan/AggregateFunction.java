package dev.shoal.core.plan;

/** Aggregate functions the hash aggregation computes. */
public enum AggregateFunction {
    COUNT_STAR, COUNT, SUM, AVG, MIN, MAX,
    /** Population and sample standard deviation and variance, computed in doubles (Welford). */
    STDDEV_POP, STDDEV_SAMP, VAR_POP, VAR_SAMP,
    /**
     * The value of a scalar subquery that is not provably one row: its only row's value, NULL
     * without rows, and an error when it has more than one (Trino's "Scalar sub-query has returned
     * multiple rows"), found at run time, not refused at planning.
     */
    SINGLE_VALUE
}
