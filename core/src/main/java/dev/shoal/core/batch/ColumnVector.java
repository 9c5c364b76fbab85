package dev.shoal.core.batch;

import dev.shoal.core.type.DataType;

import java.util.Arrays;

/**
 * One column of a {@link Batch}: values in a primitive array, plus a null mask
 * ({@code null} when the column has no nulls, so that tight loops can skip the check).
 * Vectors are never modified after they are built.
 */
public sealed interface ColumnVector permits LongVector, Int128Vector, DoubleVector, BooleanVector, VarcharVector {
    DataType type();

    int size();

    boolean isNull(int position);

    /** The null mask, or {@code null} when no value is null. Callers must not modify it. */
    boolean[] nulls();

    /**
     * The bytes this vector's arrays hold, by their lengths (a builder's spare capacity included),
     * with the JVM's array and object headers: what memory accounting reserves for it.
     */
    long retainedBytes();

    /** Object and array headers (a compressed-oops JVM's 16 bytes each) around the data. */
    static long overhead(int arrays) {
        return 16L + 16L * arrays;
    }

    static long nullsBytes(boolean[] nulls) {
        return nulls == null ? 0 : 16L + nulls.length;
    }

    default boolean mayHaveNulls() {
        return nulls() != null;
    }

    /** A new vector holding the values at {@code positions[0..count)}, in that order. */
    ColumnVector take(int[] positions, int count);

    /** The values at {@code [from, from + count)}, copied by range. */
    ColumnVector slice(int from, int count);

    /**
     * The value at a position in Shoal's internal representation: {@code Long} for integral types,
     * decimals (unscaled; {@code BigInteger} when wider than a long), dates (days) and timestamps
     * (micros); {@code Double}; {@code Boolean};
     * {@code String}. {@code null} for SQL NULL.
     */
    Object valueAt(int position);

    static boolean[] sliceNulls(boolean[] nulls, int from, int count) {
        if (nulls == null) {
            return null;
        }
        for (int i = from; i < from + count; i++) {
            if (nulls[i]) {
                return Arrays.copyOfRange(nulls, from, from + count);
            }
        }
        return null;
    }

    static boolean[] takeNulls(boolean[] nulls, int[] positions, int count) {
        if (nulls == null) {
            return null;
        }
        boolean[] out = new boolean[count];
        boolean any = false;
        for (int i = 0; i < count; i++) {
            out[i] = nulls[positions[i]];
            any |= out[i];
        }
        return any ? out : null;
    }
}
