package dev.shoal.exec.exchange;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.VectorBuilder;
import dev.shoal.core.type.DataType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rows go to partitions by their key values only, spread evenly, and a split keeps every row once. */
class RowHasherTest {
    private static ColumnVector column(DataType type, List<?> values) {
        VectorBuilder builder = VectorBuilder.create(type, values.size());
        values.forEach(builder::appendValue);
        return builder.build();
    }

    @Test
    void equalValuesMeetWhateverTheirTypeOrBatch() {
        List<Long> longs = Arrays.asList(7L, null, -3L, 0L, 1L << 40, 7L);
        List<Integer> ints = Arrays.asList(7, null, -3, 0, null, 7);
        int[] asBigint = RowHasher.partitions(new ColumnVector[] {column(DataType.BIGINT, longs)}, 6, 13, 0);
        int[] asInteger = RowHasher.partitions(new ColumnVector[] {column(DataType.INTEGER, ints)}, 6, 13, 0);
        for (int row : new int[] {0, 1, 2, 3}) {
            assertEquals(asBigint[row], asInteger[row], "row " + row);
        }
        assertEquals(asBigint[0], asBigint[5]);
        int[] doubles = RowHasher.partitions(new ColumnVector[] {column(DataType.DOUBLE, List.of(0.0, -0.0))}, 2, 13, 0);
        assertEquals(doubles[0], doubles[1], "-0.0 and 0.0 are one value");
        List<String> names = Arrays.asList("", "a", "exactly8", "longer than eight bytes", null, "a");
        int[] strings = RowHasher.partitions(new ColumnVector[] {column(DataType.VARCHAR, names)}, 6, 13, 0);
        assertEquals(strings[1], strings[5]);
        int[] again = RowHasher.partitions(new ColumnVector[] {column(DataType.VARCHAR, names.subList(1, 6))}, 5, 13, 0);
        assertArrayEquals(Arrays.copyOfRange(strings, 1, 6), again, "another batch, same partitions");
    }

    @Test
    void distinctKeysSpreadEvenlyAndTheSeedChangesTheSpread() {
        Random random = new Random(3);
        List<String> names = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 70_000; i++) {
            names.add("customer#" + random.nextInt(1_000_000));
            ids.add((long) i);
        }
        ColumnVector[] keys = {column(DataType.VARCHAR, names), column(DataType.BIGINT, ids)};
        int[] remote = RowHasher.partitions(keys, 70_000, 7, 0);
        int[] local = RowHasher.partitions(keys, 70_000, 7, RowHasher.LOCAL_SEED);
        int[] counts = new int[7];
        int[][] both = new int[7][7];
        for (int i = 0; i < 70_000; i++) {
            counts[remote[i]]++;
            both[remote[i]][local[i]]++;
        }
        for (int count : counts) {
            assertTrue(count > 9_000 && count < 11_000, Arrays.toString(counts));
        }
        // Within one remote partition the local seed still spreads rows over every driver.
        for (int local1 : both[0]) {
            assertTrue(local1 > 1_000, Arrays.toString(both[0]));
        }
    }

    @Test
    void aSplitKeepsEveryRowOnceInItsPartition() {
        Random random = new Random(5);
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            values.add(random.nextInt(20) == 0 ? null : (long) random.nextInt(300));
        }
        ColumnVector key = column(DataType.BIGINT, values);
        Batch batch = new Batch(List.of(key), 5_000);
        int[] partitions = RowHasher.partitions(new ColumnVector[] {key}, 5_000, 4, 0);
        Batch[] parts = RowHasher.split(batch, List.of(0), 4, 0);
        int total = 0;
        for (int p = 0; p < 4; p++) {
            if (parts[p] == null) {
                continue;
            }
            total += parts[p].rowCount();
            int[] again = RowHasher.partitions(new ColumnVector[] {parts[p].column(0)}, parts[p].rowCount(), 4, 0);
            for (int target : again) {
                assertEquals(p, target);
            }
        }
        assertEquals(5_000, total);
        assertEquals(Arrays.stream(partitions).filter(p -> p == 2).count(), parts[2] == null ? 0 : parts[2].rowCount());
    }
}
