package dev.shoal.exec.operator;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.exec.expression.VectorExpression;

import java.util.ArrayList;
import java.util.List;

/** Computes one output column per expression. */
public final class ProjectOperator implements Operator {
    private final Operator input;
    private final List<VectorExpression> projections;

    public ProjectOperator(Operator input, List<VectorExpression> projections) {
        this.input = input;
        this.projections = projections;
    }

    @Override
    public Batch next() {
        Batch batch = input.next();
        if (batch == null) {
            return null;
        }
        List<ColumnVector> columns = new ArrayList<>(projections.size());
        for (VectorExpression projection : projections) {
            columns.add(projection.evaluate(batch));
        }
        return new Batch(columns, batch.rowCount());
    }

    @Override
    public void close() {
        input.close();
    }
}
