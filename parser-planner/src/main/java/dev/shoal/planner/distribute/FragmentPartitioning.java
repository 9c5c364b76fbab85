package dev.shoal.planner.distribute;

/**
 * Where a fragment's tasks run: the root on the coordinator; one task on one worker; one task per
 * worker reading a share of the splits (SOURCE) or a hash partition of the rows (HASH).
 */
public enum FragmentPartitioning {
    COORDINATOR, SINGLE, SOURCE, HASH;

    public boolean onEveryWorker() {
        return this == SOURCE || this == HASH;
    }
}
