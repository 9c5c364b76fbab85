package dev.shoal.launcher.cli;

import dev.shoal.coordinator.CoordinatorConfig;
import dev.shoal.coordinator.lifecycle.QueryLimits;
import dev.shoal.core.session.SessionProperty;
import picocli.CommandLine.Option;

/** The coordinator's query limits and session defaults, shared by {@code shoal coordinator} and {@code shoal local}. */
public final class QueryOptions {
    @Option(names = "--max-running-queries", description = "queries that run at once; the others wait, QUEUED (default: ${DEFAULT-VALUE})")
    int maxRunning = QueryLimits.DEFAULTS.maxRunningQueries();

    @Option(names = "--max-queued-queries", description = "queries that may wait for a slot; past it a query fails (default: ${DEFAULT-VALUE})")
    int maxQueued = QueryLimits.DEFAULTS.maxQueuedQueries();

    @Option(names = "--query-history", description = "ended queries system.runtime.queries keeps, across restarts (default: ${DEFAULT-VALUE})")
    int history = QueryLimits.DEFAULTS.historySize();

    @Option(names = "--query-max-scan-size", paramLabel = "SIZE",
            description = "default query_max_scan_size: a query planned to read more (e.g. 10GB) fails before reading (default: no limit)")
    String maxScanSize;

    @Option(names = "--query-max-run-time", paramLabel = "DURATION",
            description = "default query_max_run_time, e.g. 30m (default: " + CoordinatorConfig.DEFAULT_MAX_RUN_TIME + ")")
    String maxRunTime;

    @Option(names = "--fetch-max-wait", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "longest a client's call waits for a query's rows before it is answered with none and asks again "
                    + "(default: 1s)")
    long fetchMaxWait = QueryLimits.DEFAULT_FETCH_WAIT_MILLIS;

    public CoordinatorConfig apply(CoordinatorConfig config) {
        CoordinatorConfig limited = config.withLimits(new QueryLimits(maxRunning, maxQueued, history, fetchMaxWait));
        if (maxScanSize != null) {
            limited = limited.withSessionDefault(SessionProperty.QUERY_MAX_SCAN_SIZE, maxScanSize);
        }
        if (maxRunTime != null) {
            limited = limited.withSessionDefault(SessionProperty.QUERY_MAX_RUN_TIME, maxRunTime);
        }
        return limited;
    }
}
