package dev.shoal.exec.dynamicfilter;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.LongVector;
import dev.shoal.core.plan.DynamicFilterTarget;
import dev.shoal.exec.operator.Operator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Keeps the rows whose target columns hold a value of the joins' build keys. Nothing leaves it
 * before the joins have published their keys; while it waits it takes input, up to
 * {@link #READ_AHEAD_BYTES}, and then blocks its driver, so that the scan's decoding overlaps the build sides' work instead of
 * following it. The wait is bounded: past {@link #MAX_WAIT_MILLIS} the rows pass unfiltered,
 * which is slower but still right, since the joins check every row themselves.
 */
public final class DynamicFilterOperator implements Operator {
    private static final Logger LOG = LoggerFactory.getLogger(DynamicFilterOperator.class);
    static final long MAX_WAIT_MILLIS = 30_000;
    /** Roughly: eight bytes a value. Bounds the batches held while the filter is not known yet. */
    static final long READ_AHEAD_BYTES = 32L << 20;

    private final TargetFilters filters;
    private final LongAdder rowsDropped;
    /**
     * Rows a check sees before it is judged, and the share it must drop to be kept: one that removes
     * almost nothing only costs a hash probe per row, and the join checks every row anyway.
     */
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

    /** Null until the joins have published (or the wait ended). */
    private List<Check> checks;
    /** Batches taken while waiting for the filter, then filtered and handed out first. */
    private final ArrayDeque<Batch> readAhead = new ArrayDeque<>();
    private long readAheadBytes;
    private boolean finishing;
    private long deadlineNanos;
    private CompletableFuture<Void> published;

    /** {@code rowsDropped} counts the rows this operator removes, for EXPLAIN ANALYZE. */
    public DynamicFilterOperator(List<DynamicFilterTarget> targets, DynamicFilterRegistry registry,
                                 String queryId, LongAdder rowsDropped) {
        this.filters = new TargetFilters(targets, registry, queryId);
        this.rowsDropped = rowsDropped;
    }

    @Override
    public boolean needsInput() {
        return !finishing && (checks == null ? readAheadBytes < READ_AHEAD_BYTES : readAhead.isEmpty());
    }

    @Override
    public void addInput(Batch batch) {
        readAhead.add(batch);
        readAheadBytes += weight(batch);
    }

    @Override
    public Batch getOutput() {
        if (checks == null && !tryResolve()) {
            return null;
        }
        while (!readAhead.isEmpty()) {
            Batch batch = readAhead.poll();
            readAheadBytes -= weight(batch);
            if (checks.isEmpty() || batch.rowCount() == 0) {
                return batch;
            }
            Batch kept = filter(batch);
            rowsDropped.add(batch.rowCount() - kept.rowCount());
            if (kept.rowCount() > 0) {
                return kept;
            }
        }
        return null;
    }

    /** While waiting with its read-ahead full (or its input ended): until the joins publish, or the wait ends. */
    @Override
    public CompletableFuture<Void> isBlocked() {
        if (checks != null || !(finishing || readAheadBytes >= READ_AHEAD_BYTES) || tryResolve()) {
            return NOT_BLOCKED;
        }
        if (published == null) {
            published = filters.whenPublished(deadlineNanos - System.nanoTime());
        }
        return published;
    }

    @Override
    public void finish() {
        finishing = true;
    }

    @Override
    public boolean isFinished() {
        return finishing && readAhead.isEmpty();
    }

    /** Whether the checks are known now: every join published, or the wait is over. */
    private boolean tryResolve() {
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

    /** Roughly what a batch read ahead holds: eight bytes a value. */
    private static long weight(Batch batch) {
        return 8L * batch.rowCount() * Math.max(1, batch.columnCount());
    }

    /** Positions of the rows passing every check, narrowed column by column. */
    private Batch filter(Batch batch) {
        int n = batch.rowCount();
        int[] positions = new int[n];
        for (int i = 0; i < n; i++) {
            positions[i] = i;
        }
        int count = n;
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
        return count == n ? batch : batch.take(positions, count);
    }

    /** The checks still applied (all of them until the joins publish). */
    int activeChecks() {
        return checks == null ? filters.size() : checks.size();
    }

    @Override
    public void close() {
        readAhead.clear();
    }
}
