package dev.shoal.exec.dynamicfilter;

import dev.shoal.core.plan.DynamicFilterTarget;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The joins' dynamic filters as a scan sees them before it reads a row group: a row group whose
 * statistics put a target column's values outside every build key's range cannot hold a row the
 * joins keep, and is not read at all (DuckDB and Trino prune the same way). Shared by the scan's
 * drivers; a filter not published yet prunes nothing.
 */
public final class RowGroupFilter {
    /** How long a scan waits for the joins' filters before its first row group: a build side is usually quick. */
    static final long WAIT_MILLIS = 1_000;

    private final TargetFilters filters;
    private final CompletableFuture<Void> published;

    public RowGroupFilter(List<DynamicFilterTarget> targets, DynamicFilterRegistry registry, String queryId) {
        this.filters = new TargetFilters(targets, registry, queryId);
        this.published = filters.whenPublished(TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS));
    }

    /** A column's {min, max} in a row group, or null when its statistics do not say. */
    @FunctionalInterface
    public interface ColumnRanges {
        long[] range(int column);
    }

    /** Completes once every filter is published, or the wait is over: what a scan waits for before it reads. */
    public CompletableFuture<Void> published() {
        return published;
    }

    /** Whether the row group may hold rows the joins keep. */
    public boolean mayMatch(ColumnRanges ranges) {
        for (int i = 0; i < filters.size(); i++) {
            LongKeySet keys = filters.keys(i);
            if (keys == null) {
                continue;
            }
            long[] range = ranges.range(filters.target(i).column());
            if (range != null && !keys.overlaps(range[0], range[1])) {
                return false;
            }
        }
        return true;
    }
}
