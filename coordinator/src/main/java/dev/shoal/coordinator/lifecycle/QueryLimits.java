package dev.shoal.coordinator.lifecycle;

/**
 * How many queries run at once (the rest wait, QUEUED), how many may wait, and how many ended
 * queries system.runtime.queries keeps.
 */
public record QueryLimits(int maxRunningQueries, int maxQueuedQueries, int historySize) {
    public static final QueryLimits DEFAULTS = new QueryLimits(32, 1000, 100);

    public QueryLimits {
        if (maxRunningQueries < 1 || maxQueuedQueries < 0 || historySize < 0) {
            throw new IllegalArgumentException("query limits must be positive: " + maxRunningQueries + " running, "
                    + maxQueuedQueries + " queued, " + historySize + " kept");
        }
    }
}
