package dev.shoal.exec.aggregate;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.DoubleVector;
import dev.shoal.core.batch.LongVector;
import dev.shoal.core.plan.AggregateFunction;
import dev.shoal.core.type.DataType;
import dev.shoal.core.type.TypeKind;
import dev.shoal.exec.expression.Decimals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;

/**
 * Standard deviation and variance with Welford's online algorithm (count, mean, sum of squared
 * differences per group), in doubles as Trino computes them; partial states merge with Chan's
 * formula. Sample statistics of fewer than two values are NULL.
 */
final class VarianceAccumulator implements Accumulator {
    private final AggregateFunction function;
    private final int argument;
    private final DataType inputType;
    private final DataType resultType;
    private final boolean merge;
    private long[] counts = new long[16];
    private double[] means = new double[16];
    private double[] m2s = new double[16];

    @Override
    public long retainedBytes() {
        return 8L * (counts.length + means.length + m2s.length);
    }

    VarianceAccumulator(AggregateFunction function, List<Integer> arguments, DataType inputType, DataType resultType,
                        boolean merge) {
        this.function = function;
        this.argument = arguments.get(0);
        this.inputType = inputType;
        this.resultType = resultType;
        this.merge = merge;
    }

    @Override
    public void add(Batch batch, int[] groupIds, int groupCount) {
        if (counts.length < groupCount) {
            int size = Math.max(groupCount, counts.length * 2);
            counts = Arrays.copyOf(counts, size);
            means = Arrays.copyOf(means, size);
            m2s = Arrays.copyOf(m2s, size);
        }
        int n = batch.rowCount();
        if (n == 0) {
            return;
        }
        if (merge) {
            long[] partCounts = ((LongVector) batch.column(argument)).values();
            double[] partMeans = ((DoubleVector) batch.column(argument + 1)).values();
            double[] partM2s = ((DoubleVector) batch.column(argument + 2)).values();
            for (int i = 0; i < n; i++) {
                int g = groupIds[i];
                long count = counts[g] + partCounts[i];
                if (partCounts[i] == 0) {
                    continue;
                }
                double delta = partMeans[i] - means[g];
                means[g] += delta * partCounts[i] / count;
                m2s[g] += partM2s[i] + delta * delta * counts[g] * partCounts[i] / count;
                counts[g] = count;
            }
            return;
        }
        ColumnVector column = batch.column(argument);
        int scale = inputType.kind() == TypeKind.DECIMAL ? inputType.scale() : 0;
        for (int i = 0; i < n; i++) {
            if (column.isNull(i)) {
                continue;
            }
            double x = column instanceof DoubleVector d ? d.get(i) : Decimals.toDouble(((LongVector) column).get(i), scale);
            int g = groupIds[i];
            counts[g]++;
            double delta = x - means[g];
            means[g] += delta / counts[g];
            m2s[g] += delta * (x - means[g]);
        }
    }

    @Override
    public List<ColumnVector> intermediate(int groupCount) {
        return List.of(new LongVector(DataType.BIGINT, Arrays.copyOf(counts, groupCount), null, groupCount),
                new DoubleVector(Arrays.copyOf(means, groupCount), null, groupCount),
                new DoubleVector(Arrays.copyOf(m2s, groupCount), null, groupCount));
    }

    @Override
    public ColumnVector result(int groupCount) {
        boolean sample = function == AggregateFunction.STDDEV_SAMP || function == AggregateFunction.VAR_SAMP;
        boolean root = function == AggregateFunction.STDDEV_POP || function == AggregateFunction.STDDEV_SAMP;
        boolean[] nulls = new boolean[groupCount];
        double[] values = new double[groupCount];
        boolean anyNull = false;
        for (int g = 0; g < groupCount; g++) {
            long denominator = sample ? counts[g] - 1 : counts[g];
            if (denominator <= 0) {
                nulls[g] = true;
                anyNull = true;
                continue;
            }
            double variance = m2s[g] / denominator;
            values[g] = root ? Math.sqrt(variance) : variance;
        }
        boolean[] mask = anyNull ? nulls : null;
        if (resultType.kind() != TypeKind.DECIMAL) {
            return new DoubleVector(values, mask, groupCount);
        }
        long[] unscaled = new long[groupCount];
        for (int g = 0; g < groupCount; g++) {
            if (!nulls[g]) {
                unscaled[g] = BigDecimal.valueOf(values[g]).setScale(resultType.scale(), RoundingMode.HALF_UP)
                        .unscaledValue().longValueExact();
            }
        }
        return new LongVector(resultType, unscaled, mask, groupCount);
    }
}
