package dev.shoal.exec.operator;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.VectorBuilder;
import dev.shoal.core.plan.ValuesNode;

import java.util.ArrayList;
import java.util.List;

/** Emits literal rows as one batch. */
public final class ValuesOperator implements SourceOperator {
    private ValuesNode node;

    public ValuesOperator(ValuesNode node) {
        this.node = node;
    }

    @Override
    public Batch getOutput() {
        if (node == null) {
            return null;
        }
        List<ColumnVector> columns = new ArrayList<>();
        for (int c = 0; c < node.types().size(); c++) {
            VectorBuilder builder = VectorBuilder.create(node.types().get(c), node.rows().size());
            for (List<Object> row : node.rows()) {
                builder.appendValue(row.get(c));
            }
            columns.add(builder.build());
        }
        int rows = node.rows().size();
        node = null;
        return new Batch(columns, rows);
    }

    @Override
    public boolean isFinished() {
        return node == null;
    }

    @Override
    public void close() {
        node = null;
    }
}
