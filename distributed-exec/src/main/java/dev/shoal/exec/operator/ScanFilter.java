package dev.shoal.exec.operator;

import dev.shoal.core.batch.Batch;
import dev.shoal.exec.dynamicfilter.DynamicFilterChecks;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

/**
 * The filters right over a scan (a join's dynamic filter, a predicate), applied by the scan to each
 * row group before it reads the rest of it: the columns they read are decoded whole, the others only
 * at the rows they kept, as Trino's lazy blocks and DuckDB's filter pushdown do. TPC-H Q9 decoded six
 * lineitem columns of 6 million rows to keep 5% of them. One per driver: its filters learn as they go.
 */
public final class ScanFilter {
    private final int[] columns;
    private final DynamicFilterChecks dynamic;
    private final ConjunctSelector conjuncts;
    private final LongAdder rowsDynamicallyFiltered;

    /**
     * {@code columns}: the scan's columns the filters read, ascending; the filters see them as a batch of
     * just those, in that order. {@code dynamic} and {@code conjuncts} may each be null; {@code rowsDynamicallyFiltered}
     * counts the rows the dynamic filter drops, for EXPLAIN ANALYZE.
     */
    public ScanFilter(int[] columns, DynamicFilterChecks dynamic, ConjunctSelector conjuncts, LongAdder rowsDynamicallyFiltered) {
        this.columns = columns.clone();
        this.dynamic = dynamic;
        this.conjuncts = conjuncts;
        this.rowsDynamicallyFiltered = rowsDynamicallyFiltered;
    }

    /** The scan's columns the filters read, ascending. */
    public int[] columns() {
        return columns.clone();
    }

    /** Until the joins publish their dynamic filter (or the wait for it is over): nothing is read before. */
    public CompletableFuture<Void> blocked() {
        return dynamic == null ? Operator.NOT_BLOCKED : dynamic.whenResolved();
    }

    /** Keeps in {@code positions[0 .. count)} the rows of {@code filtered} (the {@link #columns}) passing, and returns how many. */
    public int select(Batch filtered, int[] positions, int count) {
        if (dynamic != null && dynamic.resolved() && !dynamic.isEmpty()) {
            int before = count;
            count = dynamic.select(filtered, positions, count);
            rowsDynamicallyFiltered.add(before - count);
        }
        if (conjuncts != null && count > 0) {
            count = conjuncts.select(filtered, positions, count);
        }
        return count;
    }
}
