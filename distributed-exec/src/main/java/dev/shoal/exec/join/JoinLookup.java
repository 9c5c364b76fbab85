package dev.shoal.exec.join;

import dev.shoal.core.batch.Batch;

import java.util.List;

/**
 * A join's build rows and the chains of rows sharing a key: {@link #firstMatches} gives each probe
 * row's first build row, {@link #nextMatch} the next one of its chain (-1 at the end). Read-only
 * once built: every probe driver of the join reads it at once.
 */
interface JoinLookup {
    Batch rows();

    /** The first build row matching each probe row, or -1. */
    int[] firstMatches(Batch probe, List<Integer> probeKeys);

    int nextMatch(int row);

    /** The rows, the chains and the hashes: what the join reserves while it probes. */
    long retainedBytes();
}
