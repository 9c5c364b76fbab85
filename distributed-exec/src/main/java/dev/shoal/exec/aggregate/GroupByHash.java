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
    /**
     * Hashes specialised for one or a few integral keys (the common join and grouping keys), else a
     * general one (also for decimals over 18 digits, whose values may need 128 bits).
     */
    static GroupByHash create(List<DataType> keyTypes) {
        boolean allLongs = keyTypes.stream().allMatch(type -> type.storage() == TypeKind.Storage.LONG && !type.isWideDecimal());
        if (keyTypes.size() == 1 && allLongs) {
            return new LongGroupByHash(keyTypes.get(0));
        }
        if (keyTypes.size() >= 2 && keyTypes.size() <= 4 && allLongs) {
            return new LongsGroupByHash(keyTypes);
        }
        return new EncodedGroupByHash(keyTypes);
    }

    int groupCount();

    /** The bytes its table and keys hold, by array lengths: what the aggregation or join reserves for it. */
    long retainedBytes();

    /** The group id of each row, creating groups for keys not seen before. */
    int[] assign(ColumnVector[] keys, int rows);

    /** The group id of each row, or -1 for keys not seen and for rows with a NULL key. */
    int[] find(ColumnVector[] keys, int rows);

    /** The key columns of all groups, in group id order. */
    List<ColumnVector> keyVectors();

    /** MurmurHash3's 64-bit finalizer: every input bit moves the low bits used to pick a slot. */
    static long mix64(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /** Open-addressing slots (group id + 1, 0 empty) of {@code capacity}, a power of two, for the groups' hashes. */
    static int[] slotsFor(long[] groupHashes, int groupCount, int capacity) {
        int[] slots = new int[capacity];
        int mask = capacity - 1;
        for (int group = 0; group < groupCount; group++) {
            int slot = (int) groupHashes[group] & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = group + 1;
        }
        return slots;
    }

    static boolean anyNull(ColumnVector[] keys, int row) {
        for (ColumnVector key : keys) {
            if (key.isNull(row)) {
                return true;
            }
        }
        return false;
    }
}
