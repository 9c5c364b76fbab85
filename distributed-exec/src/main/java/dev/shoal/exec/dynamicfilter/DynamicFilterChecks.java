package dev.shoal.exec.dynamicfilter;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.LongVector;
import dev.shoal.core.plan.DynamicFilterTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The checks of one driver's dynamic filter: each target column's values must be among its join's
 * build keys. Known once every join published, or once {@link #MAX_WAIT_MILLIS} passed (the rows then
 * pass unchecked: slower, still right, since the joins check every row themselves). A check that
 * drops almost nothing is dropped itself: it costs a hash probe per row.
 */
public final class DynamicFilterChecks {
    private static final Logger LOG = LoggerFactory.getLogger(DynamicFilterChecks.class);
    static final long MAX_WAIT_MILLIS = 30_000;
    /** Rows a check sees before it is judged, and the share it must drop to be kept. */
    static final long JUDGED_AFTER_ROWS = 100_000;
    static final double MIN_DROPPED_SHARE = 0.05;

    /** A target column, the build values it must hold, and the rows it saw and kept so far. */
    private static final class Check {
        final int column;
        final LongKeySet values;
        long seen;
        long kept;

        Check(int column, LongKeySet values) {
            this.column = column;
            this.values = values;
        }

        /** Whether it dropped too few of enough rows to be worth applying further. */
        boolean useless() {
            return seen >= JUDGED_AFTER_ROWS && kept > (1 - MIN_DROPPED_SHARE) * seen;
        }
    }

    private final TargetFilters filters;
    /** Null until the joins have published (or the wait ended). */
    private List<Check> checks;
    private long deadlineNanos;
    private CompletableFuture<Void> published;

    /** {@code targets}' columns are positions in the batches {@link #select} is given. */
    public DynamicFilterChecks(List<DynamicFilterTarget> targets, DynamicFilterRegistry registry, String queryId) {
        this.filters = new TargetFilters(targets, registry, queryId);
    }

    /** Whether the checks are known now: every join published, or the wait is over (the wait starts at the first call). */
    public boolean resolved() {
        if (checks != null) {
            return true;
        }
        if (deadlineNanos == 0) {
            deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_MILLIS);
        }
        boolean timedOut = System.nanoTime() - deadlineNanos >= 0;
        if (!timedOut && !filters.allPublished()) {
            return false;
        }
        if (timedOut) {
            LOG.debug("dynamic filter not published within {} ms: scanning unfiltered", MAX_WAIT_MILLIS);
        }
        checks = new ArrayList<>();
        for (int i = 0; i < filters.size(); i++) {
            LongKeySet set = filters.keys(i);
            if (set != null) {
                checks.add(new Check(filters.target(i).column(), set));
            }
        }
        return true;
    }

    /** Completes when {@link #resolved} may turn true: every join published, or the wait is over. */
    public CompletableFuture<Void> whenResolved() {
        if (resolved()) {
            return CompletableFuture.completedFuture(null);
        }
        if (published == null) {
            published = filters.whenPublished(deadlineNanos - System.nanoTime());
        }
        return published;
    }

    /** Whether there is nothing to check (once resolved). */
    public boolean isEmpty() {
        return checks.isEmpty();
    }

    /**
     * Keeps in {@code positions[0 .. count)} the rows of {@code batch} passing every check, narrowed column by
     * column, and returns how many; only once {@link #resolved}.
     */
    public int select(Batch batch, int[] positions, int count) {
        for (int c = 0; c < checks.size() && count > 0; c++) {
            Check check = checks.get(c);
            // The planner targets only columns held in longs (integers, dates, short decimals).
            LongVector column = (LongVector) batch.column(check.column);
            long[] values = column.values();
            boolean[] nulls = column.nulls();
            LongKeySet set = check.values;
            int kept = 0;
            for (int p = 0; p < count; p++) {
                int i = positions[p];
                positions[kept] = i;
                kept += (nulls == null || !nulls[i]) && set.contains(values[i]) ? 1 : 0;
            }
            check.seen += count;
            check.kept += kept;
            count = kept;
        }
        checks.removeIf(Check::useless);
        return count;
    }

    /** The checks still applied (all of them until the joins publish). */
    int activeChecks() {
        return checks == null ? filters.size() : checks.size();
    }
}
