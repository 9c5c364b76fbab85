package dev.shoal.exec.operator;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.exec.expression.VectorExpression;

import java.util.ArrayList;
import java.util.List;

/** Computes one output column per expression. */
public final class ProjectOperator extends BatchTransform {
    private final List<VectorExpression> projections;

    public ProjectOperator(List<VectorExpression> projections) {
        this.projections = projections;
    }

    @Override
    protected Batch process(Batch batch) {
        List<ColumnVector> columns = new ArrayList<>(projections.size());
        for (VectorExpression projection : projections) {
            columns.add(projection.evaluate(batch));
        }
        return new Batch(columns, batch.rowCount());
    }
}
