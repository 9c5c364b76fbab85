package dev.shoal.exec.expression;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.BooleanVector;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.VectorBuilder;
import dev.shoal.core.type.DataType;

import java.util.List;

/**
 * CASE WHEN c1 THEN r1 ... ELSE e END. When every branch is {@link FailureFree}, each is evaluated
 * once on the whole batch and each row takes its branch's value. Otherwise each result is
 * evaluated only on the rows that reach it, so {@code CASE WHEN x = 0 THEN 0 ELSE y / x END}
 * never divides by zero.
 */
final class CaseExpression implements VectorExpression {
    private final List<VectorExpression> conditions;
    private final List<VectorExpression> results;
    private final VectorExpression otherwise;
    private final DataType type;
    private final boolean wholeBatch;

    /** {@code failureFree}: no condition or result can fail on any row, so all may run on every row. */
    CaseExpression(List<VectorExpression> conditions, List<VectorExpression> results, VectorExpression otherwise, DataType type,
                   boolean failureFree) {
        this.conditions = conditions;
        this.results = results;
        this.otherwise = otherwise;
        this.type = type;
        this.wholeBatch = failureFree;
    }

    @Override
    public ColumnVector evaluate(Batch batch) {
        return wholeBatch ? evaluateWhole(batch) : evaluateByBranch(batch);
    }

    private ColumnVector evaluateWhole(Batch batch) {
        int n = batch.rowCount();
        int branches = conditions.size();
        int[] branchOfRow = new int[n];
        boolean[] decided = new boolean[n];
        ColumnVector[] values = new ColumnVector[branches + 1];
        for (int b = 0; b < branches; b++) {
            BooleanVector condition = (BooleanVector) conditions.get(b).evaluate(batch);
            boolean used = false;
            for (int i = 0; i < n; i++) {
                if (!decided[i] && condition.isTrue(i)) {
                    decided[i] = true;
                    branchOfRow[i] = b;
                    used = true;
                }
            }
            if (used) {
                values[b] = results.get(b).evaluate(batch);
            }
        }
        boolean anyOtherwise = false;
        for (int i = 0; i < n; i++) {
            if (!decided[i]) {
                branchOfRow[i] = branches;
                anyOtherwise = true;
            }
        }
        if (anyOtherwise) {
            values[branches] = otherwise.evaluate(batch);
        }
        return assemble(n, values, branchOfRow, null);
    }

    private ColumnVector evaluateByBranch(Batch batch) {
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
        return assemble(n, branchValues, branchOfRow, indexInBranch);
    }

    /** Row i takes {@code values[branchOfRow[i]]} at {@code indexInBranch[i]} (at i when null). */
    private ColumnVector assemble(int n, ColumnVector[] values, int[] branchOfRow, int[] indexInBranch) {
        VectorBuilder out = VectorBuilder.create(type, n);
        boolean sameTypes = true;
        for (ColumnVector branch : values) {
            sameTypes &= branch == null || branch.type().equals(type);
        }
        for (int i = 0; i < n; i++) {
            ColumnVector source = values[branchOfRow[i]];
            int at = indexInBranch == null ? i : indexInBranch[i];
            if (sameTypes) {
                out.appendFrom(source, at);
            } else {
                out.appendValue(ValueCasts.cast(source.valueAt(at), source.type(), type));
            }
        }
        return out.build();
    }
}
