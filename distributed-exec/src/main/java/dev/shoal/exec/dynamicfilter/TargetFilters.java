package dev.shoal.exec.dynamicfilter;

import dev.shoal.core.plan.DynamicFilterTarget;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The dynamic filters a scan's targets wait for, as their joins publish them: what both the scan's
 * row-group skipping and its {@link DynamicFilterOperator} read.
 */
final class TargetFilters {
    private final List<DynamicFilterTarget> targets;
    private final List<CompletableFuture<BuildKeys>> filters;

    TargetFilters(List<DynamicFilterTarget> targets, DynamicFilterRegistry registry, String queryId) {
        this.targets = List.copyOf(targets);
        this.filters = targets.stream().map(target -> registry.filter(queryId, target.filterId())).toList();
    }

    int size() {
        return targets.size();
    }

    DynamicFilterTarget target(int index) {
        return targets.get(index);
    }

    boolean allPublished() {
        return filters.stream().allMatch(CompletableFuture::isDone);
    }

    /** Completes once every filter is published (or its join failed), or after {@code timeoutNanos}. */
    CompletableFuture<Void> whenPublished(long timeoutNanos) {
        return CompletableFuture.allOf(filters.toArray(CompletableFuture[]::new))
                .handle((ignored, error) -> (Void) null)
                .completeOnTimeout(null, Math.max(0, timeoutNanos), TimeUnit.NANOSECONDS);
    }

    /** Target {@code index}'s build key values; null while not published, after a failed join, or for a key not checked. */
    LongKeySet keys(int index) {
        CompletableFuture<BuildKeys> filter = filters.get(index);
        if (!filter.isDone() || filter.isCompletedExceptionally()) {
            return null;
        }
        return filter.join().key(targets.get(index).keyIndex());
    }
}
