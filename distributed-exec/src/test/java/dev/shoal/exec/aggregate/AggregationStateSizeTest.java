package dev.shoal.exec.aggregate;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.VectorBuilder;
import dev.shoal.core.plan.AggregateCall;
import dev.shoal.core.plan.AggregateFunction;
import dev.shoal.core.plan.AggregateStep;
import dev.shoal.core.type.DataType;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an aggregation reserves for its state (each group-by hash's and accumulator's
 * {@code retainedBytes}, counted from array lengths) is what that state retains on the heap,
 * within 20%, as JOL measures the object graph, for every key shape and accumulator kind.
 */
class AggregationStateSizeTest {
    /** Columns: bigint key, bigint key, varchar key, double, decimal(12,2), decimal(38,2). */
    private static final List<DataType> TYPES = List.of(DataType.BIGINT, DataType.BIGINT, DataType.VARCHAR,
            DataType.DOUBLE, DataType.decimal(12, 2), DataType.decimal(38, 2));
    private static final int ROWS = 4096;
    private static final int BATCHES = 12;
    private static final int GROUPS = 30_000;

    static {
        // Records (DataType) refuse Unsafe's field offsets; JOL then finds them by its own probing.
        System.setProperty("jol.magicFieldOffset", "true");
    }

    /** Random rows with NULLs; keys drawn from {@link #GROUPS} values, most of them seen. */
    private static List<Batch> input() {
        Random random = new Random(42);
        List<Batch> batches = new ArrayList<>();
        for (int b = 0; b < BATCHES; b++) {
            List<VectorBuilder> builders = TYPES.stream().map(type -> VectorBuilder.create(type, ROWS)).toList();
            for (int r = 0; r < ROWS; r++) {
                int key = random.nextInt(GROUPS);
                builders.get(0).appendValue(random.nextInt(50) == 0 ? null : (long) key);
                builders.get(1).appendValue((long) (key % 7));
                builders.get(2).appendValue(random.nextInt(50) == 0 ? null : "customer-name-" + key);
                builders.get(3).appendValue(random.nextInt(30) == 0 ? null : random.nextDouble());
                builders.get(4).appendValue(BigDecimal.valueOf(random.nextInt(1_000_000), 2));
                builders.get(5).appendValue(BigDecimal.valueOf(random.nextInt(1_000_000), 2));
            }
            batches.add(new Batch(builders.stream().map(VectorBuilder::build).toList(), ROWS));
        }
        return batches;
    }

    private static void assertWithinAFifth(String what, long reserved, Object state) {
        long measured = GraphLayout.parseInstance(state).totalSize();
        assertTrue(reserved >= 0.8 * measured && reserved <= 1.2 * measured,
                what + " reserves " + reserved + " bytes for a state of " + measured);
    }

    @Test
    void eachGroupByHashReservesWhatItRetains() {
        List<Batch> input = input();
        for (List<Integer> keys : List.of(List.of(0), List.of(0, 1), List.of(2), List.of(2, 0), List.of(5))) {
            GroupByHash hash = GroupByHash.create(keys.stream().map(TYPES::get).toList());
            for (Batch batch : input) {
                ColumnVector[] columns = keys.stream().map(batch::column).toArray(ColumnVector[]::new);
                hash.assign(columns, batch.rowCount());
            }
            assertWithinAFifth(hash.getClass().getSimpleName() + " over columns " + keys, hash.retainedBytes(), hash);
        }
    }

    @Test
    void eachAccumulatorReservesWhatItRetains() {
        List<Batch> input = input();
        List<AggregateCall> calls = List.of(
                new AggregateCall(AggregateFunction.COUNT_STAR, List.of(), false, DataType.BIGINT),
                new AggregateCall(AggregateFunction.SUM, List.of(0), false, DataType.BIGINT),
                new AggregateCall(AggregateFunction.SUM, List.of(3), false, DataType.DOUBLE),
                new AggregateCall(AggregateFunction.AVG, List.of(4), false, DataType.decimal(12, 2)),
                new AggregateCall(AggregateFunction.SUM, List.of(5), false, DataType.decimal(38, 2)),
                new AggregateCall(AggregateFunction.MIN, List.of(2), false, DataType.VARCHAR),
                new AggregateCall(AggregateFunction.MAX, List.of(4), false, DataType.decimal(12, 2)),
                new AggregateCall(AggregateFunction.VAR_SAMP, List.of(3), false, DataType.DOUBLE),
                new AggregateCall(AggregateFunction.COUNT, List.of(1), true, DataType.BIGINT));
        for (AggregateCall call : calls) {
            Accumulator accumulator = Accumulators.create(call, TYPES, AggregateStep.SINGLE);
            GroupByHash groups = GroupByHash.create(List.of(DataType.BIGINT));
            for (Batch batch : input) {
                int[] ids = groups.assign(new ColumnVector[] {batch.column(0)}, batch.rowCount());
                accumulator.add(batch, ids, groups.groupCount());
            }
            assertWithinAFifth(call.function() + (call.distinct() ? " DISTINCT" : "") + " " + call.type(),
                    accumulator.retainedBytes(), accumulator);
        }
    }
}
