package dev.shoal.exec.aggregate;

import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.VectorBuilder;
import dev.shoal.core.type.DataType;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every kind of group-by hash against a map from key values to the id of their first row: group
 * ids are dense in first-seen order over several batches, NULL is a key of its own, -0.0 and 0.0
 * are one key, the key vectors hold each group's key, and {@code find} matches what was assigned.
 */
class GroupByHashTest {
    private static final DataType WIDE = DataType.decimal(38, 0);

    @Test
    void mixedKeysOfEveryType() {
        check(List.of(DataType.BIGINT, DataType.VARCHAR, DataType.DOUBLE, DataType.BOOLEAN, WIDE), 1);
    }

    @Test
    void oneStringKey() {
        check(List.of(DataType.VARCHAR), 2);
    }

    @Test
    void integerKeys() {
        check(List.of(DataType.BIGINT), 3);
        check(List.of(DataType.BIGINT, DataType.INTEGER, DataType.BIGINT), 4);
    }

    private static void check(List<DataType> types, long seed) {
        Random random = new Random(seed);
        GroupByHash hash = GroupByHash.create(types);
        Map<List<Object>, Integer> expected = new HashMap<>();
        List<List<Object>> groups = new ArrayList<>();
        List<ColumnVector[]> batches = new ArrayList<>();
        for (int b = 0; b < 6; b++) {
            int rows = 1 + random.nextInt(3000);
            ColumnVector[] keys = batch(types, rows, random);
            batches.add(keys);
            int[] ids = hash.assign(keys, rows);
            for (int r = 0; r < rows; r++) {
                List<Object> key = key(keys, r);
                Integer id = expected.get(key);
                if (id == null) {
                    id = groups.size();
                    expected.put(key, id);
                    groups.add(key);
                }
                assertEquals(id, ids[r], "batch " + b + " row " + r + " key " + key);
            }
        }
        assertEquals(groups.size(), hash.groupCount());
        ColumnVector[] keyVectors = hash.keyVectors().toArray(ColumnVector[]::new);
        for (int g = 0; g < groups.size(); g++) {
            assertEquals(groups.get(g), key(keyVectors, g), "group " + g);
        }
        // Rows seen find their group, new rows find none, and a NULL anywhere in the key never matches.
        ColumnVector[] probe = batch(types, 2000, new Random(seed + 100));
        int[] found = hash.find(probe, 2000);
        int[] wanted = new int[2000];
        for (int r = 0; r < 2000; r++) {
            List<Object> key = key(probe, r);
            wanted[r] = key.contains(null) ? -1 : expected.getOrDefault(key, -1);
        }
        assertArrayEquals(wanted, found);
        // A batch seen before: find gives what assign gave, except on NULL keys.
        ColumnVector[] first = batches.get(0);
        assertArrayEquals(assignedIgnoringNulls(hash, first), hash.find(first, first[0].size()));
        assertEquals(groups.size(), hash.groupCount(), "assigning seen keys adds no group");
    }

    /** Group ids of the rows of {@code keys} as assign gives them, -1 where a key is NULL (what find gives). */
    private static int[] assignedIgnoringNulls(GroupByHash hash, ColumnVector[] keys) {
        int rows = keys[0].size();
        int[] ids = hash.assign(keys, rows);
        for (int r = 0; r < rows; r++) {
            if (GroupByHash.anyNull(keys, r)) {
                ids[r] = -1;
            }
        }
        return ids;
    }

    private static ColumnVector[] batch(List<DataType> types, int rows, Random random) {
        ColumnVector[] keys = new ColumnVector[types.size()];
        for (int k = 0; k < keys.length; k++) {
            DataType type = types.get(k);
            VectorBuilder builder = VectorBuilder.create(type, rows);
            for (int r = 0; r < rows; r++) {
                builder.appendValue(random.nextInt(40) == 0 ? null : value(type, random));
            }
            keys[k] = builder.build();
        }
        return keys;
    }

    /** Few distinct values per column, so that groups repeat within and across batches. */
    private static Object value(DataType type, Random random) {
        int pick = random.nextInt(6);
        if (type.equals(DataType.VARCHAR)) {
            return pick == 0 ? "" : "v" + "x".repeat(pick * 3) + random.nextInt(3);
        }
        if (type.equals(DataType.DOUBLE)) {
            return switch (pick) {
                case 0 -> -0.0;
                case 1 -> 0.0;
                case 2 -> Double.NaN;
                default -> (double) random.nextInt(4);
            };
        }
        if (type.equals(DataType.BOOLEAN)) {
            return random.nextBoolean();
        }
        if (type.equals(WIDE)) {
            // Values that fit in 64 bits and values that do not.
            return pick < 3 ? BigInteger.valueOf(random.nextInt(3)) : BigInteger.ONE.shiftLeft(70).add(BigInteger.valueOf(pick));
        }
        if (type.equals(DataType.INTEGER)) {
            return random.nextInt(3);
        }
        return (long) random.nextInt(8) - 4;
    }

    /** Row {@code row}'s key values, with -0.0 as 0.0 and numbers as BigInteger (one group each). */
    private static List<Object> key(ColumnVector[] keys, int row) {
        List<Object> key = new ArrayList<>();
        for (ColumnVector column : keys) {
            Object value = column.valueAt(row);
            if (value instanceof Double d && d == 0.0) {
                value = 0.0;
            } else if (value instanceof Long || value instanceof Integer) {
                value = BigInteger.valueOf(((Number) value).longValue());
            }
            key.add(value);
        }
        return key;
    }
}
