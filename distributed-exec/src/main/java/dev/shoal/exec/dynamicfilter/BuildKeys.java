package dev.shoal.exec.dynamicfilter;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.LongVector;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a join publishes as its dynamic filter: for each build key, the set of its values, or
 * null where that key is not checked. {@link #ALL} checks nothing: a join that never built its
 * table (failed, canceled) publishes it so that no scan waits for it.
 */
record BuildKeys(List<LongKeySet> keys) {
    static final BuildKeys ALL = new BuildKeys(List.of());
    /** Larger build sides are not worth a filter: the broadcast threshold keeps them rare anyway. */
    private static final int MAX_ROWS = 4_000_000;

    static BuildKeys of(Batch rows, List<Integer> keyColumns) {
        if (rows.rowCount() > MAX_ROWS) {
            return ALL;
        }
        List<LongKeySet> sets = new ArrayList<>();
        for (int column : keyColumns) {
            sets.add(rows.column(column) instanceof LongVector longs
                    ? LongKeySet.of(longs.values(), longs.nulls(), rows.rowCount()) : null);
        }
        return new BuildKeys(Collections.unmodifiableList(sets));
    }

    /** The values of build key {@code index}, or null when that key is not checked. */
    LongKeySet key(int index) {
        return index < keys.size() ? keys.get(index) : null;
    }
}
