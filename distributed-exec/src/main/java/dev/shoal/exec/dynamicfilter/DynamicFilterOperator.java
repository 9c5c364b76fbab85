package dev.shoal.exec.dynamicfilter;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.plan.DynamicFilterTarget;
import dev.shoal.exec.operator.Operator;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

/**
 * Keeps the rows whose target columns hold a value of the joins' build keys ({@link DynamicFilterChecks}).
 * Nothing leaves it before the joins have published their keys; while it waits it takes input, up to
 * {@link #READ_AHEAD_BYTES}, and then blocks its driver, so that the work below it overlaps the build sides' work
 * instead of following it. A scan right below filters itself instead (see {@code ScanFilter}).
 */
public final class DynamicFilterOperator implements Operator {
    /** Roughly: eight bytes a value. Bounds the batches held while the filter is not known yet. */
    static final long READ_AHEAD_BYTES = 32L << 20;

    private final DynamicFilterChecks checks;
    private final LongAdder rowsDropped;
    /** Batches taken while waiting for the filter, then filtered and handed out first. */
    private final ArrayDeque<Batch> readAhead = new ArrayDeque<>();
    private long readAheadBytes;
    private boolean finishing;

    /** {@code rowsDropped} counts the rows this operator removes, for EXPLAIN ANALYZE. */
    public DynamicFilterOperator(List<DynamicFilterTarget> targets, DynamicFilterRegistry registry,
                                 String queryId, LongAdder rowsDropped) {
        this.checks = new DynamicFilterChecks(targets, registry, queryId);
        this.rowsDropped = rowsDropped;
    }

    @Override
    public boolean needsInput() {
        return !finishing && (readAhead.isEmpty() || !checks.resolved() && readAheadBytes < READ_AHEAD_BYTES);
    }

    @Override
    public void addInput(Batch batch) {
        readAhead.add(batch);
        readAheadBytes += weight(batch);
    }

    @Override
    public Batch getOutput() {
        if (!checks.resolved()) {
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
        if (!(finishing || readAheadBytes >= READ_AHEAD_BYTES) || checks.resolved()) {
            return NOT_BLOCKED;
        }
        return checks.whenResolved();
    }

    @Override
    public void finish() {
        finishing = true;
    }

    @Override
    public boolean isFinished() {
        return finishing && readAhead.isEmpty();
    }

    /** Roughly what a batch read ahead holds: eight bytes a value. */
    private static long weight(Batch batch) {
        return 8L * batch.rowCount() * Math.max(1, batch.columnCount());
    }

    private Batch filter(Batch batch) {
        int n = batch.rowCount();
        int[] positions = new int[n];
        for (int i = 0; i < n; i++) {
            positions[i] = i;
        }
        int count = checks.select(batch, positions, n);
        return count == n ? batch : batch.take(positions, count);
    }

    /** The checks still applied (all of them until the joins publish). */
    int activeChecks() {
        return checks.activeChecks();
    }

    @Override
    public void close() {
        readAhead.clear();
    }
}
