package dev.shoal.exec.dynamicfilter;

import dev.shoal.core.batch.Batch;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dynamic filters of the queries running in one process, by query and filter id. A join
 * publishes; scans of the same query on the same worker wait for it. Whoever comes first creates
 * the entry, so the order in which tasks start does not matter. A query's entries go when its
 * tasks are canceled or finished.
 */
public final class DynamicFilterRegistry {
    private final Map<String, CompletableFuture<BuildKeys>> filters = new ConcurrentHashMap<>();

    CompletableFuture<BuildKeys> filter(String queryId, int filterId) {
        return filters.computeIfAbsent(key(queryId, filterId), k -> new CompletableFuture<>());
    }

    /** Called by a join once its build side is in its hash table. */
    public void publish(String queryId, int filterId, Batch buildRows, List<Integer> buildKeys) {
        filter(queryId, filterId).complete(BuildKeys.of(buildRows, buildKeys));
    }

    /**
     * Called by a join when it closes: a scan still waiting is let go unfiltered, and the entry
     * goes (every scan that the filter serves ends before the join's probe side does).
     */
    public void release(String queryId, int filterId) {
        CompletableFuture<BuildKeys> filter = filters.remove(key(queryId, filterId));
        if (filter != null) {
            filter.complete(BuildKeys.ALL);
        }
    }

    /** Lets go every scan of the query and forgets its filters. */
    public void releaseQuery(String queryId) {
        String prefix = queryId + "#";
        filters.entrySet().removeIf(entry -> {
            if (!entry.getKey().startsWith(prefix)) {
                return false;
            }
            entry.getValue().complete(BuildKeys.ALL);
            return true;
        });
    }

    int size() {
        return filters.size();
    }

    private static String key(String queryId, int filterId) {
        return queryId + "#" + filterId;
    }
}
