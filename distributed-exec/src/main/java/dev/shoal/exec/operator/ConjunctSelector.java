package dev.shoal.exec.operator;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.BooleanVector;
import dev.shoal.exec.expression.SelectiveExpression;
import dev.shoal.exec.expression.VectorExpression;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Narrows a selection of rows to those where every conjunct of a predicate is TRUE. Conjuncts run
 * one after another over the shrinking selection, the most selective cheap ones first: their order
 * is learned from the rows each has kept so far, as DuckDB's adaptive filter does, since the
 * planner's order is the query's text order. One per driver: it keeps what it learned.
 */
public final class ConjunctSelector {
    /** A general conjunct is evaluated over the selected rows alone once they are fewer than this share. */
    private static final double GATHER_BELOW = 0.5;

    private final List<Conjunct> conjuncts = new ArrayList<>();

    public ConjunctSelector(List<VectorExpression> conjuncts) {
        conjuncts.forEach(conjunct -> this.conjuncts.add(new Conjunct(conjunct)));
    }

    /** A conjunct and the rows it has seen and kept. */
    private static final class Conjunct {
        final VectorExpression expression;
        final boolean selective;
        long rowsIn;
        long rowsKept;

        Conjunct(VectorExpression expression) {
            this.expression = expression;
            this.selective = expression instanceof SelectiveExpression;
        }

        /** Lower runs first: the share of rows kept, a general conjunct weighted as costlier. */
        double rank() {
            double kept = rowsIn == 0 ? 0.5 : (double) rowsKept / rowsIn;
            return selective ? kept : 0.25 + 0.75 * kept;
        }
    }

    /** Keeps in {@code positions[0 .. count)} the rows of {@code batch} every conjunct is TRUE for, and returns how many. */
    public int select(Batch batch, int[] positions, int count) {
        for (int c = 0; c < conjuncts.size() && count > 0; c++) {
            Conjunct conjunct = conjuncts.get(c);
            int kept = select(conjunct.expression, batch, positions, count);
            conjunct.rowsIn += count;
            conjunct.rowsKept += kept;
            count = kept;
        }
        if (conjuncts.size() > 1) {
            conjuncts.sort(Comparator.comparingDouble(Conjunct::rank));
        }
        return count;
    }

    private static int select(VectorExpression conjunct, Batch batch, int[] positions, int count) {
        if (conjunct instanceof SelectiveExpression selective) {
            return selective.select(batch, positions, count);
        }
        int rows = batch.rowCount();
        if (count < rows * GATHER_BELOW) {
            // Evaluate over the selected rows only, then map the survivors back to batch positions.
            BooleanVector keep = (BooleanVector) conjunct.evaluate(batch.take(positions, count));
            boolean[] values = keep.values();
            boolean[] nulls = keep.nulls();
            int kept = 0;
            for (int p = 0; p < count; p++) {
                positions[kept] = positions[p];
                kept += values[p] && (nulls == null || !nulls[p]) ? 1 : 0;
            }
            return kept;
        }
        BooleanVector keep = (BooleanVector) conjunct.evaluate(batch);
        boolean[] values = keep.values();
        boolean[] nulls = keep.nulls();
        int kept = 0;
        // Branch-free: write every position, advance only past kept ones.
        for (int p = 0; p < count; p++) {
            int i = positions[p];
            positions[kept] = i;
            kept += values[i] && (nulls == null || !nulls[i]) ? 1 : 0;
        }
        return kept;
    }
}
