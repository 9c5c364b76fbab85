package dev.shoal.exec.aggregate;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.ColumnVector;

import java.util.List;

/** The state of one aggregate for every group, in arrays indexed by group id. */
public interface Accumulator {
    /** Adds the batch's rows to the groups {@code groupIds} names; {@code groupCount} groups exist. */
    void add(Batch batch, int[] groupIds, int groupCount);

    /** One value per group, for groups {@code 0 .. groupCount-1}. */
    ColumnVector result(int groupCount);

    /** The bytes its per-group state holds, by array lengths: what the aggregation reserves for it. */
    long retainedBytes();

    /**
     * The state a PARTIAL step sends on, one vector per intermediate column
     * ({@link dev.shoal.core.plan.AggregateCall#intermediateTypes}). Most states are their result.
     */
    default List<ColumnVector> intermediate(int groupCount) {
        return List.of(result(groupCount));
    }
}
