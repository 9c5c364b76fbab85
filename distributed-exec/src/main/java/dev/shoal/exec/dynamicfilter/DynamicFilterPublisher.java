package dev.shoal.exec.dynamicfilter;

import dev.shoal.core.batch.Batch;

import java.util.List;

/** A join's handle on the dynamic filter it publishes. */
public final class DynamicFilterPublisher {
    private final DynamicFilterRegistry registry;
    private final String queryId;
    private final int filterId;

    public DynamicFilterPublisher(DynamicFilterRegistry registry, String queryId, int filterId) {
        this.registry = registry;
        this.queryId = queryId;
        this.filterId = filterId;
    }

    public void publish(Batch buildRows, List<Integer> buildKeys) {
        registry.publish(queryId, filterId, buildRows, buildKeys);
    }

    /** The join is closing: scans still waiting go on unfiltered. */
    public void release() {
        registry.release(queryId, filterId);
    }
}
