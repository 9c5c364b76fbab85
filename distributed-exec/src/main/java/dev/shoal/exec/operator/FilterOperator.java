package dev.shoal.exec.operator;

import dev.shoal.core.batch.Batch;
import dev.shoal.exec.expression.VectorExpression;

import java.util.List;

/**
 * Keeps the rows where every conjunct of the predicate is TRUE ({@link ConjunctSelector}), gathering
 * them into a dense batch. Right over a scan, the scan filters itself instead (see {@link ScanFilter}).
 */
public final class FilterOperator extends BatchTransform {
    private final ConjunctSelector conjuncts;

    public FilterOperator(VectorExpression predicate) {
        this(List.of(predicate));
    }

    public FilterOperator(List<VectorExpression> conjuncts) {
        this.conjuncts = new ConjunctSelector(conjuncts);
    }

    @Override
    protected Batch process(Batch batch) {
        int rows = batch.rowCount();
        int[] positions = new int[rows];
        for (int i = 0; i < rows; i++) {
            positions[i] = i;
        }
        int count = conjuncts.select(batch, positions, rows);
        if (count == rows) {
            return batch;
        }
        return count > 0 ? batch.take(positions, count) : null;
    }
}
