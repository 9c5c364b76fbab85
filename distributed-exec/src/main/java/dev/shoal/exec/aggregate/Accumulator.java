package dev.shoal.exec.aggregate;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.ColumnVector;

/** The state of one aggregate for every group, in arrays indexed by group id. */
public interface Accumulator {
    /** Adds the batch's rows to the groups {@code groupIds} names; {@code groupCount} groups exist. */
    void add(Batch batch, int[] groupIds, int groupCount);

    /** One value per group, for groups {@code 0 .. groupCount-1}. */
    ColumnVector result(int groupCount);
}
