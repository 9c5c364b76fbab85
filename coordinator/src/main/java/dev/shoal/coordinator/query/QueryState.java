package dev.shoal.coordinator.query;

/** The life of a query, as Trino names it. */
public enum QueryState {
    QUEUED, RUNNING, FINISHED, FAILED, CANCELED
}
