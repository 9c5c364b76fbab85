package dev.shoal.exec.aggregate;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.DoubleVector;
import dev.shoal.core.batch.Int128Vector;
import dev.shoal.core.batch.LongVector;
import dev.shoal.core.batch.VectorBuilder;
import dev.shoal.core.plan.AggregateCall;
import dev.shoal.core.type.DataType;
import dev.shoal.core.type.TypeKind;
import dev.shoal.exec.expression.Decimals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
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
    /** Per group, what the sum holds beyond {@code longSums} once it overflowed 64 bits; null until then. */
    private BigInteger[] carried;

    /** The running sums and counts; a carried 128-bit sum counts as 48 bytes. */
    @Override
    public long retainedBytes() {
        return 8L * (longSums.length + doubleSums.length + counts.length) + (carried == null ? 0 : 56L * carried.length);
    }

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
            carried = carried == null ? null : Arrays.copyOf(carried, size);
        }
        if (batch.rowCount() == 0) {
            return;
        }
        ColumnVector column = batch.column(argument);
        boolean[] nulls = column.nulls();
        int n = batch.rowCount();
        long[] partialCounts = countArgument < 0 ? null : ((LongVector) batch.column(countArgument)).values();
        if (exact && column instanceof Int128Vector wide) {
            for (int i = 0; i < n; i++) {
                if (nulls == null || !nulls[i]) {
                    carry(groupIds[i], wide.get(i));
                    counts[groupIds[i]] += partialCounts == null ? 1 : partialCounts[i];
                }
            }
        } else if (exact) {
            long[] values = ((LongVector) column).values();
            for (int i = 0; i < n; i++) {
                if (nulls == null || !nulls[i]) {
                    int g = groupIds[i];
                    long sum = longSums[g];
                    long value = values[i];
                    long next = sum + value;
                    if (((sum ^ next) & (value ^ next)) < 0) {
                        // Over 64 bits: the running long starts again from this value, the rest is carried.
                        carry(g, BigInteger.valueOf(sum));
                        next = value;
                    }
                    longSums[g] = next;
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

    private void carry(int group, BigInteger amount) {
        if (carried == null) {
            carried = new BigInteger[counts.length];
        }
        carried[group] = carried[group] == null ? amount : carried[group].add(amount);
    }

    /** The exact sum of a group, when it no longer fits in a long; null while it does. */
    private BigInteger wideSum(int group) {
        return carried == null || carried[group] == null ? null : carried[group].add(BigInteger.valueOf(longSums[group]));
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
        ColumnVector sums;
        if (exact && carried != null) {
            VectorBuilder out = VectorBuilder.create(AggregateCall.sumType(inputType), groupCount);
            for (int g = 0; g < groupCount; g++) {
                BigInteger wide = wideSum(g);
                out.appendValue(nulls != null && nulls[g] ? null : wide != null ? (Object) wide : (Object) longSums[g]);
            }
            sums = out.build();
        } else {
            sums = exact
                    ? new LongVector(AggregateCall.sumType(inputType), Arrays.copyOf(longSums, groupCount), nulls, groupCount)
                    : new DoubleVector(Arrays.copyOf(doubleSums, groupCount), nulls, groupCount);
        }
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
                BigInteger wide = exact ? wideSum(g) : null;
                double sum = wide != null ? new BigDecimal(wide, inputScale).doubleValue()
                        : exact ? Decimals.toDouble(longSums[g], inputScale) : doubleSums[g];
                out[g] = average && counts[g] > 0 ? sum / counts[g] : sum;
            }
            return new DoubleVector(out, nulls, groupCount);
        }
        if (carried != null) {
            return wideResult(groupCount, inputScale);
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

    /** Results when some group's sum went past 64 bits: exact, through BigDecimal. */
    private ColumnVector wideResult(int groupCount, int inputScale) {
        VectorBuilder out = VectorBuilder.create(resultType, groupCount);
        for (int g = 0; g < groupCount; g++) {
            if (counts[g] == 0) {
                out.appendNull();
                continue;
            }
            BigInteger wide = wideSum(g);
            BigDecimal sum = wide != null ? new BigDecimal(wide, inputScale) : BigDecimal.valueOf(longSums[g], inputScale);
            BigDecimal value = average
                    ? sum.divide(BigDecimal.valueOf(counts[g]), Decimals.scaleOf(resultType), RoundingMode.HALF_UP) : sum;
            out.appendValue(resultType.kind() == TypeKind.DECIMAL ? Decimals.unscaledOf(value, resultType)
                    : (Object) value.toBigInteger());
        }
        return out.build();
    }
}
