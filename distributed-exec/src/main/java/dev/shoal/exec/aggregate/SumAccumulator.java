package dev.shoal.exec.aggregate;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.DoubleVector;
import dev.shoal.core.batch.LongVector;
import dev.shoal.core.plan.AggregateCall;
import dev.shoal.core.type.DataType;
import dev.shoal.core.type.TypeKind;
import dev.shoal.exec.expression.Decimals;

import java.util.Arrays;
import java.util.List;

/**
 * SUM and AVG: a running sum (exact on unscaled longs, or double) and a count per group.
 * SUM of no rows is NULL. AVG divides at the end: exactly, rounded half up, for decimals.
 * In a FINAL step the argument holds partial sums and {@code countArgument} partial counts
 * (AVG only); a PARTIAL step emits the sum in {@link AggregateCall#sumType} (and the count).
 */
final class SumAccumulator implements Accumulator {
    private final int argument;
    private final int countArgument;
    private final DataType inputType;
    private final DataType resultType;
    private final boolean average;
    private final boolean exact;
    private long[] longSums = new long[16];
    private double[] doubleSums = new double[16];
    private long[] counts = new long[16];

    SumAccumulator(int argument, int countArgument, DataType inputType, DataType resultType, boolean average) {
        this.argument = argument;
        this.countArgument = countArgument;
        this.inputType = inputType;
        this.resultType = resultType;
        this.average = average;
        this.exact = inputType.storage() == TypeKind.Storage.LONG && resultType.storage() == TypeKind.Storage.LONG
                || inputType.storage() == TypeKind.Storage.LONG && average;
    }

    @Override
    public void add(Batch batch, int[] groupIds, int groupCount) {
        if (counts.length < groupCount) {
            int size = Math.max(groupCount, counts.length * 2);
            counts = Arrays.copyOf(counts, size);
            longSums = Arrays.copyOf(longSums, size);
            doubleSums = Arrays.copyOf(doubleSums, size);
        }
        if (batch.rowCount() == 0) {
            return;
        }
        ColumnVector column = batch.column(argument);
        boolean[] nulls = column.nulls();
        int n = batch.rowCount();
        long[] partialCounts = countArgument < 0 ? null : ((LongVector) batch.column(countArgument)).values();
        if (exact) {
            long[] values = ((LongVector) column).values();
            for (int i = 0; i < n; i++) {
                if (nulls == null || !nulls[i]) {
                    int g = groupIds[i];
                    longSums[g] = Decimals.add(longSums[g], values[i]);
                    counts[g] += partialCounts == null ? 1 : partialCounts[i];
                }
            }
        } else if (column instanceof DoubleVector doubles) {
            double[] values = doubles.values();
            for (int i = 0; i < n; i++) {
                if (nulls == null || !nulls[i]) {
                    doubleSums[groupIds[i]] += values[i];
                    counts[groupIds[i]] += partialCounts == null ? 1 : partialCounts[i];
                }
            }
        } else {
            long[] values = ((LongVector) column).values();
            int scale = Decimals.scaleOf(inputType);
            for (int i = 0; i < n; i++) {
                if (nulls == null || !nulls[i]) {
                    doubleSums[groupIds[i]] += Decimals.toDouble(values[i], scale);
                    counts[groupIds[i]] += partialCounts == null ? 1 : partialCounts[i];
                }
            }
        }
    }

    @Override
    public List<ColumnVector> intermediate(int groupCount) {
        boolean[] nulls = null;
        if (!average) {
            for (int g = 0; g < groupCount; g++) {
                if (counts[g] == 0) {
                    nulls = nulls == null ? new boolean[groupCount] : nulls;
                    nulls[g] = true;
                }
            }
        }
        ColumnVector sums = exact
                ? new LongVector(AggregateCall.sumType(inputType), Arrays.copyOf(longSums, groupCount), nulls, groupCount)
                : new DoubleVector(Arrays.copyOf(doubleSums, groupCount), nulls, groupCount);
        if (!average) {
            return List.of(sums);
        }
        return List.of(sums, new LongVector(DataType.BIGINT, Arrays.copyOf(counts, groupCount), null, groupCount));
    }

    @Override
    public ColumnVector result(int groupCount) {
        boolean[] nulls = null;
        for (int g = 0; g < groupCount; g++) {
            if (counts[g] == 0) {
                if (nulls == null) {
                    nulls = new boolean[groupCount];
                }
                nulls[g] = true;
            }
        }
        int inputScale = Decimals.scaleOf(inputType);
        if (resultType.storage() == TypeKind.Storage.DOUBLE) {
            double[] out = new double[groupCount];
            for (int g = 0; g < groupCount; g++) {
                double sum = exact ? Decimals.toDouble(longSums[g], inputScale) : doubleSums[g];
                out[g] = average && counts[g] > 0 ? sum / counts[g] : sum;
            }
            return new DoubleVector(out, nulls, groupCount);
        }
        long[] out = new long[groupCount];
        int resultScale = Decimals.scaleOf(resultType);
        for (int g = 0; g < groupCount; g++) {
            if (counts[g] == 0) {
                continue;
            }
            out[g] = average ? Decimals.divide(longSums[g], inputScale, counts[g], 0, resultScale)
                    : Decimals.rescale(longSums[g], inputScale, resultScale);
        }
        return new LongVector(resultType, out, nulls, groupCount);
    }
}
