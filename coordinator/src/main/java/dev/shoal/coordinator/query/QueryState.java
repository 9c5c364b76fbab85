package dev.shoal.coordinator.query;

/**
 * The life of a query, as Trino names it: waiting for a slot, planning, creating its tasks,
 * running, collecting its statistics or committing its write, and how it ended.
 */
public enum QueryState {
    QUEUED, PLANNING, STARTING, RUNNING, FINISHING, FINISHED, FAILED, CANCELED
}
