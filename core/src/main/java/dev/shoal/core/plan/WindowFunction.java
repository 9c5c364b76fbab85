package dev.shoal.core.plan;

/** Functions computed over a window of rows: ranking, offsets, values and aggregates. */
public enum WindowFunction {
    ROW_NUMBER, RANK, DENSE_RANK, PERCENT_RANK, CUME_DIST, NTILE,
    LAG, LEAD, FIRST_VALUE, LAST_VALUE, NTH_VALUE,
    COUNT_STAR, COUNT, SUM, AVG, MIN, MAX
}
