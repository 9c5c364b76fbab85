package dev.shoal.exec.aggregate;

import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.type.DataType;
import dev.shoal.core.type.TypeKind;

import java.util.List;

/**
 * Assigns dense group ids to rows by their key columns, for GROUP BY and hash-join build sides.
 * NULL is a key value of its own for {@link #assign}; {@link #find} never matches a NULL key.
 */
public interface GroupByHash {
    /** Hashes specialised for one or a few integral keys (the common join and grouping keys), else a general one. */
    static GroupByHash create(List<DataType> keyTypes) {
        boolean allLongs = keyTypes.stream().allMatch(type -> type.storage() == TypeKind.Storage.LONG);
        if (keyTypes.size() == 1 && allLongs) {
            return new LongGroupByHash(keyTypes.get(0));
        }
        if (keyTypes.size() >= 2 && keyTypes.size() <= 4 && allLongs) {
            return new LongsGroupByHash(keyTypes);
        }
        return new EncodedGroupByHash(keyTypes);
    }

    int groupCount();

    /** The group id of each row, creating groups for keys not seen before. */
    int[] assign(ColumnVector[] keys, int rows);

    /** The group id of each row, or -1 for keys not seen and for rows with a NULL key. */
    int[] find(ColumnVector[] keys, int rows);

    /** The key columns of all groups, in group id order. */
    List<ColumnVector> keyVectors();

    static boolean anyNull(ColumnVector[] keys, int row) {
        for (ColumnVector key : keys) {
            if (key.isNull(row)) {
                return true;
            }
        }
        return false;
    }
}
