package dev.shoal.exec.expression;

import dev.shoal.core.batch.ColumnVector;

/** Null-mask helpers: a null mask is {@code null} when no value is null. */
final class Nulls {
    private Nulls() {
    }

    /** The mask of rows where any input is null. */
    static boolean[] union(ColumnVector... vectors) {
        boolean[] out = null;
        for (ColumnVector vector : vectors) {
            boolean[] nulls = vector.nulls();
            if (nulls == null) {
                continue;
            }
            if (out == null) {
                out = new boolean[vector.size()];
            }
            for (int i = 0; i < vector.size(); i++) {
                out[i] |= nulls[i];
            }
        }
        return out;
    }

    static boolean isNull(boolean[] nulls, int i) {
        return nulls != null && nulls[i];
    }
}
