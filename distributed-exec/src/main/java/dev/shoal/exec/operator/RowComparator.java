package dev.shoal.exec.operator;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.BooleanVector;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.DoubleVector;
import dev.shoal.core.batch.Int128Vector;
import dev.shoal.core.batch.LongVector;
import dev.shoal.core.batch.VarcharVector;
import dev.shoal.core.plan.SortKey;

import java.util.Arrays;
import java.util.List;

/** Compares two rows of one batch by ORDER BY keys, NULLs placed as each key says. */
public final class RowComparator {
    private final ColumnVector[] columns;
    private final SortKey[] keys;

    public RowComparator(Batch batch, List<SortKey> sortKeys) {
        this.keys = sortKeys.toArray(new SortKey[0]);
        this.columns = new ColumnVector[keys.length];
        for (int k = 0; k < keys.length; k++) {
            columns[k] = batch.column(keys[k].field());
        }
    }

    public int compare(int a, int b) {
        for (int k = 0; k < keys.length; k++) {
            ColumnVector column = columns[k];
            boolean nullA = column.isNull(a);
            boolean nullB = column.isNull(b);
            int result;
            if (nullA || nullB) {
                if (nullA == nullB) {
                    continue;
                }
                // NULL placement is independent of ASC/DESC.
                return nullA == keys[k].nullsFirst() ? -1 : 1;
            }
            if (column instanceof LongVector longs) {
                result = Long.compare(longs.get(a), longs.get(b));
            } else if (column instanceof Int128Vector wide) {
                result = Long.compare(wide.high()[a], wide.high()[b]);
                result = result != 0 ? result : Long.compareUnsigned(wide.low()[a], wide.low()[b]);
            } else if (column instanceof DoubleVector doubles) {
                result = Double.compare(doubles.get(a), doubles.get(b));
            } else if (column instanceof VarcharVector strings) {
                result = strings.compare(a, strings, b);
            } else {
                result = Boolean.compare(((BooleanVector) column).get(a), ((BooleanVector) column).get(b));
            }
            if (result != 0) {
                return keys[k].ascending() ? result : -result;
            }
        }
        return 0;
    }

    /** Row positions of the batch in key order (stable). */
    public int[] sortedPositions(int rowCount) {
        Integer[] boxed = new Integer[rowCount];
        for (int i = 0; i < rowCount; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, this::compare);
        int[] out = new int[rowCount];
        for (int i = 0; i < rowCount; i++) {
            out[i] = boxed[i];
        }
        return out;
    }
}
