package dev.shoal.exec.join;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.VectorBuilder;
import dev.shoal.core.type.DataType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A table built as partitions, each on a thread of its own, matches exactly what a single table matches. */
class PartitionedJoinTableTest {
    private static final List<DataType> TYPES = List.of(DataType.BIGINT, DataType.VARCHAR);

    private static Batch rows(Random random, int count) {
        VectorBuilder keys = VectorBuilder.create(DataType.BIGINT, count);
        VectorBuilder names = VectorBuilder.create(DataType.VARCHAR, count);
        for (int i = 0; i < count; i++) {
            keys.appendValue(random.nextInt(30) == 0 ? null : (long) random.nextInt(2_000) * 1_000_003L);
            names.appendValue(random.nextInt(20) == 0 ? null : "k" + random.nextInt(5));
        }
        return new Batch(List.of(keys.build(), names.build()), count);
    }

    /** Every (probe row, build row) pair, chain by chain, in order. */
    private static List<String> pairs(JoinLookup table, Batch probe, List<Integer> keys) {
        List<String> pairs = new ArrayList<>();
        int[] first = table.firstMatches(probe, keys);
        for (int i = 0; i < first.length; i++) {
            for (int row = first[i]; row >= 0; row = table.nextMatch(row)) {
                pairs.add(i + ":" + row);
            }
        }
        return pairs;
    }

    @Test
    void partitionsBuiltAtOnceMatchWhatOneTableMatches() throws Exception {
        Random random = new Random(3);
        Batch build = rows(random, 20_000);
        Batch probe = rows(random, 5_000);
        for (List<Integer> keys : List.of(List.of(0), List.of(0, 1))) {
            List<DataType> keyTypes = keys.stream().map(TYPES::get).toList();
            JoinHashTable single = new JoinHashTable(build, keys, keyTypes);
            for (int partitions : new int[] {2, 3, 4}) {
                PartitionedJoinTable table = new PartitionedJoinTable(build, keys, keyTypes, partitions,
                        PartitionedJoinTable.partitionsOf(build, keys, partitions));
                List<Thread> builders = IntStream.range(0, partitions).mapToObj(p -> new Thread(() -> table.build(p))).toList();
                builders.forEach(Thread::start);
                for (Thread builder : builders) {
                    builder.join();
                }
                List<String> expected = pairs(single, probe, keys);
                assertTrue(expected.size() > 1000, "the case has matches");
                assertEquals(expected, pairs(table, probe, keys), keys + " in " + partitions + " partitions");
            }
        }
    }
}
