package dev.shoal.coordinator.lifecycle;

/**
 * How many queries run at once (the rest wait, QUEUED), how many may wait, how many ended
 * queries system.runtime.queries keeps, and how long one client call waits for a query's rows
 * before it answers with none (so that no call is held for as long as a query runs).
 */
public record QueryLimits(int maxRunningQueries, int maxQueuedQueries, int historySize, long fetchWaitMillis) {
    /** Trino's client protocol waits up to 1 s for data in each request too. */
    public static final long DEFAULT_FETCH_WAIT_MILLIS = 1000;
    public static final QueryLimits DEFAULTS = new QueryLimits(32, 1000, 100, DEFAULT_FETCH_WAIT_MILLIS);

    public QueryLimits {
        if (maxRunningQueries < 1 || maxQueuedQueries < 0 || historySize < 0 || fetchWaitMillis < 0) {
            throw new IllegalArgumentException("query limits must be positive: " + maxRunningQueries + " running, "
                    + maxQueuedQueries + " queued, " + historySize + " kept, " + fetchWaitMillis + " ms fetch wait");
        }
    }

    public QueryLimits(int maxRunningQueries, int maxQueuedQueries, int historySize) {
        this(maxRunningQueries, maxQueuedQueries, historySize, DEFAULT_FETCH_WAIT_MILLIS);
    }
}
