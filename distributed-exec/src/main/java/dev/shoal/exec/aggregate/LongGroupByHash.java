package dev.shoal.exec.aggregate;

import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.LongVector;
import dev.shoal.core.type.DataType;

import java.util.Arrays;
import java.util.List;

/**
 * Group ids for a single integral key (BIGINT, INTEGER, DATE, DECIMAL as unscaled longs): open
 * addressing over the long values themselves, no byte encoding. NULL gets a group of its own.
 */
final class LongGroupByHash implements GroupByHash {
    private final DataType type;
    // Slot i holds its key at [2i] and its group id + 1 at [2i + 1] (0: empty): one cache line per probe.
    private long[] slots = new long[2 * 1024];
    private int mask = 1024 - 1;
    private long[] groupKeys = new long[256];
    private int groupCount;
    private int nullGroup = -1;

    @Override
    public long retainedBytes() {
        return 8L * slots.length + 8L * groupKeys.length;
    }

    LongGroupByHash(DataType type) {
        this.type = type;
    }

    @Override
    public int groupCount() {
        return groupCount;
    }

    @Override
    public int[] assign(ColumnVector[] keys, int rows) {
        LongVector column = (LongVector) keys[0];
        long[] values = column.values();
        boolean[] nulls = column.nulls();
        int[] ids = new int[rows];
        // Runs of one key (data sorted or clustered by it, as lineitem by l_orderkey) skip the table.
        long previousKey = 0;
        int previousGroup = -1;
        for (int row = 0; row < rows; row++) {
            if (nulls != null && nulls[row]) {
                if (nullGroup < 0) {
                    nullGroup = newGroup(0);
                }
                ids[row] = nullGroup;
            } else if (previousGroup >= 0 && values[row] == previousKey) {
                ids[row] = previousGroup;
            } else {
                previousKey = values[row];
                previousGroup = findOrInsert(previousKey);
                ids[row] = previousGroup;
            }
        }
        return ids;
    }

    @Override
    public int[] find(ColumnVector[] keys, int rows) {
        LongVector column = (LongVector) keys[0];
        long[] values = column.values();
        boolean[] nulls = column.nulls();
        int[] ids = new int[rows];
        long previousKey = 0;
        int previousGroup = Integer.MIN_VALUE;
        for (int row = 0; row < rows; row++) {
            if (nulls != null && nulls[row]) {
                ids[row] = -1;
            } else if (previousGroup != Integer.MIN_VALUE && values[row] == previousKey) {
                ids[row] = previousGroup;
            } else {
                previousKey = values[row];
                previousGroup = lookup(previousKey);
                ids[row] = previousGroup;
            }
        }
        return ids;
    }

    @Override
    public List<ColumnVector> keyVectors() {
        boolean[] nulls = null;
        if (nullGroup >= 0) {
            nulls = new boolean[groupCount];
            nulls[nullGroup] = true;
        }
        return List.of(new LongVector(type, Arrays.copyOf(groupKeys, groupCount), nulls, groupCount));
    }

    private int lookup(long key) {
        int slot = (int) hash(key) & mask;
        while (true) {
            long entry = slots[2 * slot + 1];
            if (entry == 0) {
                return -1;
            }
            if (slots[2 * slot] == key) {
                return (int) entry - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int findOrInsert(long key) {
        int slot = (int) hash(key) & mask;
        while (true) {
            long entry = slots[2 * slot + 1];
            if (entry == 0) {
                int group = newGroup(key);
                slots[2 * slot] = key;
                slots[2 * slot + 1] = group + 1L;
                if ((groupCount - (nullGroup >= 0 ? 1 : 0)) * 2 > mask + 1) {
                    rehash();
                }
                return group;
            }
            if (slots[2 * slot] == key) {
                return (int) entry - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int newGroup(long key) {
        if (groupCount == groupKeys.length) {
            groupKeys = Arrays.copyOf(groupKeys, groupKeys.length * 2);
        }
        groupKeys[groupCount] = key;
        return groupCount++;
    }

    private void rehash() {
        long[] old = slots;
        int capacity = (mask + 1) * 2;
        slots = new long[2 * capacity];
        mask = capacity - 1;
        for (int i = 0; i < old.length; i += 2) {
            if (old[i + 1] != 0) {
                int slot = (int) hash(old[i]) & mask;
                while (slots[2 * slot + 1] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[2 * slot] = old[i];
                slots[2 * slot + 1] = old[i + 1];
            }
        }
    }

    /** MurmurHash3's finalizer: decimals' unscaled values are often multiples of 100, so low bits need mixing. */
    private static long hash(long key) {
        return GroupByHash.mix64(key);
    }
}
