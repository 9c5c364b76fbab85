package dev.shoal.exec.expression;

import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.DoubleVector;
import dev.shoal.core.batch.Int128Vector;
import dev.shoal.core.batch.LongVector;
import dev.shoal.core.type.TypeKind;

/** Reads numeric vectors as the primitive arrays an arithmetic or comparison loop needs. */
final class NumericInputs {
    private NumericInputs() {
    }

    /** Unscaled values brought to {@code scale}; the vector must hold longs (overflow error otherwise). */
    static long[] longsAtScale(ColumnVector vector, int scale) {
        if (!(vector instanceof LongVector longs)) {
            throw Decimals.overflow();
        }
        int from = Decimals.scaleOf(longs.type());
        if (from == scale) {
            return longs.values();
        }
        long[] source = longs.values();
        long[] out = new long[vector.size()];
        if (scale > from) {
            long factor = Decimals.powerOfTen(scale - from);
            for (int i = 0; i < out.length; i++) {
                out[i] = Decimals.multiply(source[i], factor);
            }
        } else {
            for (int i = 0; i < out.length; i++) {
                out[i] = Decimals.rescale(source[i], from, scale);
            }
        }
        return out;
    }

    static double[] doubles(ColumnVector vector) {
        if (vector instanceof DoubleVector doubles) {
            return doubles.values();
        }
        if (vector instanceof Int128Vector) {
            double[] out = new double[vector.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = Decimals.bigDecimalAt(vector, i).doubleValue();
            }
            return out;
        }
        LongVector longs = (LongVector) vector;
        int scale = Decimals.scaleOf(longs.type());
        long[] source = longs.values();
        double[] out = new double[vector.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Decimals.toDouble(source[i], scale);
        }
        return out;
    }

    static boolean isDouble(ColumnVector vector) {
        return vector.type().storage() == TypeKind.Storage.DOUBLE;
    }
}
