package dev.shoal.exec.expression;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.BooleanVector;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.VectorBuilder;
import dev.shoal.core.type.DataType;

import java.util.List;

/**
 * CASE WHEN c1 THEN r1 ... ELSE e END. Each result is evaluated only on the rows that reach it,
 * so {@code CASE WHEN x = 0 THEN 0 ELSE y / x END} never divides by zero.
 */
final class CaseExpression implements VectorExpression {
    private final List<VectorExpression> conditions;
    private final List<VectorExpression> results;
    private final VectorExpression otherwise;
    private final DataType type;

    CaseExpression(List<VectorExpression> conditions, List<VectorExpression> results, VectorExpression otherwise, DataType type) {
        this.conditions = conditions;
        this.results = results;
        this.otherwise = otherwise;
        this.type = type;
    }

    @Override
    public ColumnVector evaluate(Batch batch) {
        int n = batch.rowCount();
        int[] branchOfRow = new int[n];
        int[] indexInBranch = new int[n];
        ColumnVector[] branchValues = new ColumnVector[conditions.size() + 1];
        int[] remaining = new int[n];
        for (int i = 0; i < n; i++) {
            remaining[i] = i;
        }
        int remainingCount = n;
        for (int b = 0; b <= conditions.size() && remainingCount > 0; b++) {
            Batch subset = remainingCount == n ? batch : batch.take(remaining, remainingCount);
            int[] chosen = new int[remainingCount];
            int chosenCount = 0;
            int[] rest = new int[remainingCount];
            int restCount = 0;
            if (b < conditions.size()) {
                BooleanVector condition = (BooleanVector) conditions.get(b).evaluate(subset);
                for (int i = 0; i < remainingCount; i++) {
                    if (condition.isTrue(i)) {
                        chosen[chosenCount++] = i;
                    } else {
                        rest[restCount++] = remaining[i];
                    }
                }
            } else {
                for (int i = 0; i < remainingCount; i++) {
                    chosen[chosenCount++] = i;
                }
            }
            if (chosenCount > 0) {
                VectorExpression result = b < conditions.size() ? results.get(b) : otherwise;
                branchValues[b] = result.evaluate(chosenCount == remainingCount ? subset : subset.take(chosen, chosenCount));
                for (int i = 0; i < chosenCount; i++) {
                    int row = remaining[chosen[i]];
                    branchOfRow[row] = b;
                    indexInBranch[row] = i;
                }
            }
            remaining = rest;
            remainingCount = restCount;
        }
        VectorBuilder out = VectorBuilder.create(type, n);
        for (int i = 0; i < n; i++) {
            ColumnVector source = branchValues[branchOfRow[i]];
            out.appendValue(ValueCasts.cast(source.valueAt(indexInBranch[i]), source.type(), type));
        }
        return out.build();
    }
}
