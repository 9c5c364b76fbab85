package dev.shoal.core.plan;

/** How an exchange routes rows from the tasks below it to the tasks above it. */
public enum ExchangeKind {
    /** Every row to the single task above. */
    GATHER,
    /** Each row to the task chosen by the hash of its key columns: equal keys meet. */
    HASH,
    /** Every row to every task above. */
    BROADCAST,
    /** Whole batches dealt to the tasks above in turn, to spread work. */
    ROUND_ROBIN
}
