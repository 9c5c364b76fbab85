package dev.shoal.exec.aggregate;

import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.type.DataType;

import java.util.Arrays;
import java.util.List;

/**
 * Group ids for any combination of key columns: keys are encoded to bytes ({@link EncodedKeys}) and
 * each group's kept in one arena, from which the key columns are decoded at the end; the table is
 * open addressing over primitive arrays (no boxed keys).
 * NULL is a key value of its own, as GROUP BY requires.
 */
final class EncodedGroupByHash implements GroupByHash {
    private final List<DataType> keyTypes;
    private int[] slots = new int[1024];
    private int mask = slots.length - 1;
    private long[] groupHashes = new long[256];
    private int[] keyOffsets = new int[257];
    private byte[] arena = new byte[4096];
    private int groupCount;
    /** The keys of the batch being assigned. */
    private final EncodedKeys encoded = new EncodedKeys();

    /** The table, the arena and the scratch of the batch being assigned. */
    @Override
    public long retainedBytes() {
        return 4L * slots.length + 8L * groupHashes.length + 4L * keyOffsets.length + arena.length + encoded.retainedBytes();
    }

    EncodedGroupByHash(List<DataType> keyTypes) {
        this.keyTypes = List.copyOf(keyTypes);
    }

    @Override
    public int groupCount() {
        return groupCount;
    }

    /** The group id of each row, creating groups for keys not seen before. */
    @Override
    public int[] assign(ColumnVector[] keys, int rows) {
        int[] ids = new int[rows];
        encoded.encode(keys, rows);
        for (int row = 0; row < rows; row++) {
            ids[row] = findOrInsert(encoded, row);
        }
        return ids;
    }

    /**
     * The group id of each row, or -1 for keys not seen; rows with a NULL key are -1 too (joins never match NULL).
     * Reads the table only: the drivers probing a join call it at once, each with keys encoded on its own.
     */
    @Override
    public int[] find(ColumnVector[] keys, int rows) {
        int[] ids = new int[rows];
        EncodedKeys probe = new EncodedKeys();
        probe.encode(keys, rows);
        for (int row = 0; row < rows; row++) {
            ids[row] = GroupByHash.anyNull(keys, row) ? -1 : lookup(probe, row);
        }
        return ids;
    }

    private int lookup(EncodedKeys probe, int row) {
        return slots[slotOf(probe, row)] - 1;
    }

    /** The slot holding row {@code row}'s key, or the empty slot where it would go. */
    private int slotOf(EncodedKeys keys, int row) {
        long hash = keys.hash(row);
        int slot = (int) hash & mask;
        while (true) {
            int entry = slots[slot];
            if (entry == 0 || groupHashes[entry - 1] == hash && holds(entry - 1, keys, row)) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Whether group {@code group}'s key is row {@code row}'s. */
    private boolean holds(int group, EncodedKeys probe, int row) {
        return Arrays.equals(arena, keyOffsets[group], keyOffsets[group + 1], probe.bytes(), probe.start(row), probe.end(row));
    }

    /** The key columns of all groups, in group id order, decoded from the arena (no copy of the keys kept while hashing). */
    @Override
    public List<ColumnVector> keyVectors() {
        return EncodedKeys.decode(arena, keyOffsets, groupCount, keyTypes);
    }

    private int findOrInsert(EncodedKeys encoded, int row) {
        int slot = slotOf(encoded, row);
        return slots[slot] == 0 ? insert(slot, encoded, row) : slots[slot] - 1;
    }

    private int insert(int slot, EncodedKeys encoded, int row) {
        long hash = encoded.hash(row);
        int size = encoded.end(row) - encoded.start(row);
        int group = groupCount++;
        if (group + 1 >= groupHashes.length) {
            groupHashes = Arrays.copyOf(groupHashes, groupHashes.length * 2);
            keyOffsets = Arrays.copyOf(keyOffsets, keyOffsets.length * 2);
        }
        int start = keyOffsets[group];
        if (start + size > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, start + size));
        }
        System.arraycopy(encoded.bytes(), encoded.start(row), arena, start, size);
        keyOffsets[group + 1] = start + size;
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
}
