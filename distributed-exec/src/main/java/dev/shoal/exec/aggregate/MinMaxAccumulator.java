package dev.shoal.exec.aggregate;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.BooleanVector;
import dev.shoal.core.batch.BooleansBuilder;
import dev.shoal.core.batch.BytesBuilder;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.DoubleVector;
import dev.shoal.core.batch.DoublesBuilder;
import dev.shoal.core.batch.Int128Vector;
import dev.shoal.core.batch.LongVector;
import dev.shoal.core.batch.LongsBuilder;
import dev.shoal.core.batch.VarcharVector;
import dev.shoal.core.batch.VectorBuilder;
import dev.shoal.core.type.DataType;

import java.math.BigInteger;
import java.util.Arrays;

/** MIN or MAX of any comparable type; NULL for a group without non-NULL values. */
final class MinMaxAccumulator implements Accumulator {
    private final int argument;
    private final DataType type;
    private final boolean max;
    private boolean[] seen = new boolean[16];
    private long[] longs = new long[16];
    private double[] doubles = new double[16];
    private byte[][] strings = new byte[16][];
    /** Per group, the extreme when it is a decimal wider than a long; null until one is seen. */
    private BigInteger[] wides;
    /** The bytes of the strings held (each kept as its own array). */
    private long stringBytes;

    @Override
    public long retainedBytes() {
        return seen.length + 8L * longs.length + 8L * doubles.length + 8L * strings.length + stringBytes
                + (wides == null ? 0 : 56L * wides.length);
    }

    private void setString(int group, byte[] value) {
        stringBytes += 16L + value.length - (strings[group] == null ? 0 : 16L + strings[group].length);
        strings[group] = value;
    }

    MinMaxAccumulator(int argument, DataType type, boolean max) {
        this.argument = argument;
        this.type = type;
        this.max = max;
    }

    @Override
    public void add(Batch batch, int[] groupIds, int groupCount) {
        if (seen.length < groupCount) {
            int size = Math.max(groupCount, seen.length * 2);
            seen = Arrays.copyOf(seen, size);
            longs = Arrays.copyOf(longs, size);
            doubles = Arrays.copyOf(doubles, size);
            strings = Arrays.copyOf(strings, size);
            wides = wides == null ? null : Arrays.copyOf(wides, size);
        }
        if (batch.rowCount() == 0) {
            return;
        }
        ColumnVector column = batch.column(argument);
        for (int i = 0; i < batch.rowCount(); i++) {
            if (column.isNull(i)) {
                continue;
            }
            int g = groupIds[i];
            if (column instanceof LongVector v && (wides == null || wides[g] == null)) {
                long x = v.get(i);
                if (!seen[g] || (max ? x > longs[g] : x < longs[g])) {
                    longs[g] = x;
                }
            } else if (column instanceof LongVector || column instanceof Int128Vector) {
                BigInteger x = column instanceof Int128Vector v ? v.get(i) : BigInteger.valueOf(((LongVector) column).get(i));
                int c = seen[g] ? x.compareTo(wideAt(g)) : 0;
                if (!seen[g] || (max ? c > 0 : c < 0)) {
                    setWide(g, x);
                }
            } else if (column instanceof DoubleVector v) {
                double x = v.get(i);
                if (!seen[g] || (max ? Double.compare(x, doubles[g]) > 0 : Double.compare(x, doubles[g]) < 0)) {
                    doubles[g] = x;
                }
            } else if (column instanceof VarcharVector v) {
                if (!seen[g]) {
                    setString(g, v.getBytes(i));
                } else {
                    int c = v.compareBytes(i, strings[g]);
                    if (max ? c > 0 : c < 0) {
                        setString(g, v.getBytes(i));
                    }
                }
            } else {
                long x = ((BooleanVector) column).get(i) ? 1 : 0;
                if (!seen[g] || (max ? x > longs[g] : x < longs[g])) {
                    longs[g] = x;
                }
            }
            seen[g] = true;
        }
    }

    private BigInteger wideAt(int group) {
        return wides != null && wides[group] != null ? wides[group] : BigInteger.valueOf(longs[group]);
    }

    private void setWide(int group, BigInteger value) {
        if (value.bitLength() < 64) {
            longs[group] = value.longValue();
            if (wides != null) {
                wides[group] = null;
            }
        } else {
            if (wides == null) {
                wides = new BigInteger[seen.length];
            }
            wides[group] = value;
        }
    }

    @Override
    public ColumnVector result(int groupCount) {
        VectorBuilder out = VectorBuilder.create(type, groupCount);
        for (int g = 0; g < groupCount; g++) {
            if (!seen[g]) {
                out.appendNull();
                continue;
            }
            switch (type.storage()) {
                case LONG -> {
                    if (wides != null && wides[g] != null) {
                        out.appendValue(wides[g]);
                    } else {
                        ((LongsBuilder) out).append(longs[g]);
                    }
                }
                case DOUBLE -> ((DoublesBuilder) out).append(doubles[g]);
                case BYTES -> ((BytesBuilder) out).append(strings[g]);
                case BOOLEAN -> ((BooleansBuilder) out).append(longs[g] == 1);
            }
        }
        return out.build();
    }
}
