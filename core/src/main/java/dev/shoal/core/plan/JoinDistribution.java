package dev.shoal.core.plan;

/**
 * How a join meets its inputs across tasks: the right (build) side copied to every task of the
 * left side, or both sides hash-partitioned on the join keys.
 */
public enum JoinDistribution {
    BROADCAST, PARTITIONED
}
