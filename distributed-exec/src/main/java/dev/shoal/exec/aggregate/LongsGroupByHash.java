package dev.shoal.exec.aggregate;

import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.LongVector;
import dev.shoal.core.type.DataType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Group ids for two to four integral keys ((order key, supplier key) and the like): the keys of
 * each group side by side in one long array, compared as longs, no byte encoding. A NULL in any
 * key is recorded in a per-group bit mask, so NULLs group together as GROUP BY requires.
 */
final class LongsGroupByHash implements GroupByHash {
    private final List<DataType> types;
    private final int width;
    private int[] slots = new int[1024];
    private int mask = slots.length - 1;
    private long[] groupKeys;
    private byte[] groupNulls;
    private long[] groupHashes;
    private int groupCount;
    private final long[] row;

    @Override
    public long retainedBytes() {
        return 4L * slots.length + 8L * groupKeys.length + groupNulls.length + 8L * groupHashes.length;
    }

    LongsGroupByHash(List<DataType> types) {
        this.types = List.copyOf(types);
        this.width = types.size();
        this.groupKeys = new long[256 * width];
        this.groupNulls = new byte[256];
        this.groupHashes = new long[256];
        this.row = new long[width];
    }

    @Override
    public int groupCount() {
        return groupCount;
    }

    @Override
    public int[] assign(ColumnVector[] keys, int rows) {
        int[] ids = new int[rows];
        for (int r = 0; r < rows; r++) {
            byte nulls = load(keys, r, row);
            long hash = hash(nulls, row);
            int slot = (int) hash & mask;
            while (true) {
                int entry = slots[slot];
                if (entry == 0) {
                    ids[r] = insert(slot, hash, nulls);
                    break;
                }
                if (matches(entry - 1, hash, nulls, row)) {
                    ids[r] = entry - 1;
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        return ids;
    }

    @Override
    public int[] find(ColumnVector[] keys, int rows) {
        int[] ids = new int[rows];
        // A key buffer of its own: the drivers probing a join share its table.
        long[] key = new long[width];
        for (int r = 0; r < rows; r++) {
            byte nulls = load(keys, r, key);
            if (nulls != 0) {
                ids[r] = -1;
                continue;
            }
            long hash = hash((byte) 0, key);
            int slot = (int) hash & mask;
            ids[r] = -1;
            while (true) {
                int entry = slots[slot];
                if (entry == 0) {
                    break;
                }
                if (matches(entry - 1, hash, (byte) 0, key)) {
                    ids[r] = entry - 1;
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        return ids;
    }

    @Override
    public List<ColumnVector> keyVectors() {
        List<ColumnVector> vectors = new ArrayList<>(width);
        for (int k = 0; k < width; k++) {
            long[] values = new long[groupCount];
            boolean[] nulls = null;
            for (int g = 0; g < groupCount; g++) {
                values[g] = groupKeys[g * width + k];
                if ((groupNulls[g] & (1 << k)) != 0) {
                    nulls = nulls == null ? new boolean[groupCount] : nulls;
                    nulls[g] = true;
                }
            }
            vectors.add(new LongVector(types.get(k), values, nulls, groupCount));
        }
        return vectors;
    }

    /** Copies row r's keys into {@code row} (0 for NULL) and returns its NULL mask. */
    private byte load(ColumnVector[] keys, int r, long[] row) {
        byte nulls = 0;
        for (int k = 0; k < width; k++) {
            LongVector column = (LongVector) keys[k];
            if (column.isNull(r)) {
                nulls |= (byte) (1 << k);
                row[k] = 0;
            } else {
                row[k] = column.values()[r];
            }
        }
        return nulls;
    }

    private boolean matches(int group, long hash, byte nulls, long[] row) {
        if (groupHashes[group] != hash || groupNulls[group] != nulls) {
            return false;
        }
        int base = group * width;
        for (int k = 0; k < width; k++) {
            if (groupKeys[base + k] != row[k]) {
                return false;
            }
        }
        return true;
    }

    private int insert(int slot, long hash, byte nulls) {
        int group = groupCount++;
        if (group == groupHashes.length) {
            int capacity = groupHashes.length * 2;
            groupHashes = Arrays.copyOf(groupHashes, capacity);
            groupNulls = Arrays.copyOf(groupNulls, capacity);
            groupKeys = Arrays.copyOf(groupKeys, capacity * width);
        }
        System.arraycopy(row, 0, groupKeys, group * width, width);
        groupNulls[group] = nulls;
        groupHashes[group] = hash;
        slots[slot] = group + 1;
        if (groupCount * 2 > slots.length) {
            rehash();
        }
        return group;
    }

    private void rehash() {
        slots = GroupByHash.slotsFor(groupHashes, groupCount, slots.length * 2);
        mask = slots.length - 1;
    }

    private long hash(byte nulls, long[] row) {
        long h = nulls;
        for (int k = 0; k < width; k++) {
            h = h * 0x9E3779B97F4A7C15L + row[k];
        }
        return GroupByHash.mix64(h);
    }
}
