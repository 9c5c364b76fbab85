package dev.shoal.core.plan;

/** Aggregate functions the hash aggregation computes. */
public enum AggregateFunction {
    COUNT_STAR, COUNT, SUM, AVG, MIN, MAX,
    /** Population and sample standard deviation and variance, computed in doubles (Welford). */
    STDDEV_POP, STDDEV_SAMP, VAR_POP, VAR_SAMP
}
