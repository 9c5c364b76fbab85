package dev.shoal.exec.operator;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.VectorBuilder;
import dev.shoal.core.plan.AggregateCall;
import dev.shoal.core.plan.AggregateFunction;
import dev.shoal.core.plan.AggregateNode;
import dev.shoal.core.plan.AggregateStep;
import dev.shoal.core.plan.PlanNode;
import dev.shoal.core.plan.ValuesNode;
import dev.shoal.core.type.DataType;
import dev.shoal.exec.memory.MemoryPool;
import dev.shoal.exec.memory.OperatorMemory;
import dev.shoal.exec.memory.TaskMemory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every accumulator that the distributed planner splits into steps gives, as PARTIAL steps over
 * parts of the input merged by a FINAL step, what one SINGLE step gives over all of it: the
 * exchange between the steps must not change an answer.
 */
class SplitAggregationTest {
    private static final DataType MONEY = DataType.decimal(15, 2);
    private static final List<DataType> INPUT = List.of(DataType.BIGINT, MONEY, DataType.DOUBLE, DataType.BIGINT);
    private static final List<AggregateCall> CALLS = List.of(
            new AggregateCall(AggregateFunction.COUNT_STAR, List.of(), false, DataType.BIGINT),
            new AggregateCall(AggregateFunction.COUNT, List.of(1), false, DataType.BIGINT),
            new AggregateCall(AggregateFunction.SUM, List.of(1), false, DataType.decimal(38, 2)),
            new AggregateCall(AggregateFunction.AVG, List.of(1), false, MONEY),
            new AggregateCall(AggregateFunction.MIN, List.of(2), false, DataType.DOUBLE),
            new AggregateCall(AggregateFunction.MAX, List.of(1), false, MONEY),
            new AggregateCall(AggregateFunction.VAR_SAMP, List.of(2), false, DataType.DOUBLE),
            new AggregateCall(AggregateFunction.STDDEV_POP, List.of(3), false, DataType.DOUBLE),
            new AggregateCall(AggregateFunction.SUM, List.of(2), false, DataType.DOUBLE, 4));

    /** Keys 0..19, decimals and doubles with NULLs, and a BOOLEAN FILTER column. */
    private static List<Batch> input(Random random, int batches) {
        return input(random, batches, 20);
    }

    /** As above, with keys 0 .. keys-1. */
    private static List<Batch> input(Random random, int batches, int keys) {
        List<Batch> out = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            int rows = 500 + random.nextInt(1500);
            List<VectorBuilder> columns = List.of(VectorBuilder.create(DataType.BIGINT, rows), VectorBuilder.create(MONEY, rows),
                    VectorBuilder.create(DataType.DOUBLE, rows), VectorBuilder.create(DataType.BIGINT, rows),
                    VectorBuilder.create(DataType.BOOLEAN, rows));
            for (int i = 0; i < rows; i++) {
                columns.get(0).appendValue((long) random.nextInt(keys));
                columns.get(1).appendValue(random.nextInt(10) == 0 ? null : (long) random.nextInt(1_000_000) - 300_000);
                columns.get(2).appendValue(random.nextInt(10) == 0 ? null : random.nextGaussian() * 100);
                columns.get(3).appendValue((long) random.nextInt(1000));
                columns.get(4).appendValue(random.nextBoolean());
            }
            out.add(new Batch(columns.stream().map(VectorBuilder::build).toList(), rows));
        }
        return out;
    }

    private static List<Batch> run(AggregateNode node, List<Batch> input) {
        List<Batch> out = new ArrayList<>();
        try (Pulled aggregate = new Pulled(new HashAggregateOperator(node, OperatorMemory.untracked("HashAggregate")), input)) {
            for (Batch batch = aggregate.next(); batch != null; batch = aggregate.next()) {
                out.add(batch);
            }
        }
        return out;
    }

    /** Group key to its row's values, rounded so that doubles summed in another order compare equal. */
    private static Map<Object, List<Object>> byKey(List<Batch> batches) {
        Map<Object, List<Object>> rows = new TreeMap<>();
        for (Batch batch : batches) {
            for (int r = 0; r < batch.rowCount(); r++) {
                List<Object> row = new ArrayList<>();
                for (int c = 1; c < batch.columnCount(); c++) {
                    Object value = batch.column(c).valueAt(r);
                    row.add(value instanceof Double d ? Math.round(d * 1e6) / 1e6 : value);
                }
                rows.put(batch.column(0).valueAt(r), row);
            }
        }
        return rows;
    }

    @Test
    void partialStepsMergedByAFinalStepEqualOneSingleStep() {
        List<DataType> types = new ArrayList<>(INPUT);
        types.add(DataType.BOOLEAN);
        PlanNode source = new ValuesNode(types, List.of());
        List<Batch> input = input(new Random(5), 12);
        Map<Object, List<Object>> single = byKey(run(new AggregateNode(source, List.of(0), CALLS, AggregateStep.SINGLE), input));

        // Three tasks' partial steps over interleaved thirds of the input, then one final step.
        AggregateNode partial = new AggregateNode(source, List.of(0), CALLS, AggregateStep.PARTIAL);
        List<Batch> partials = new ArrayList<>();
        for (int task = 0; task < 3; task++) {
            int t = task;
            partials.addAll(run(partial, IntStream.range(0, input.size()).filter(i -> i % 3 == t).mapToObj(input::get).toList()));
        }
        assertEquals(single, byKey(run(merge(partial, types), partials)));
        assertEquals(20, single.size());
    }

    /**
     * A partial step whose keys are nearly all distinct after 100,000 rows sends its groups on and
     * passes the rest through as one-row groups; the final step's answer does not change. One with
     * few keys keeps hashing.
     */
    @Test
    void aPartialStepOverNearlyUniqueKeysStopsHashingAndTheAnswerStands() {
        List<DataType> types = new ArrayList<>(INPUT);
        types.add(DataType.BOOLEAN);
        PlanNode source = new ValuesNode(types, List.of());
        AggregateNode partial = new AggregateNode(source, List.of(0), CALLS, AggregateStep.PARTIAL);
        List<Batch> unique = input(new Random(13), 120, 1 << 30);
        assertTrue(unique.stream().mapToInt(Batch::rowCount).sum() > HashAggregateOperator.ADAPTIVE_MIN_ROWS);
        List<Batch> partials = new ArrayList<>();
        OperatorMemory memory = new MemoryPool().newTask().operator("HashAggregate");
        try (HashAggregateOperator aggregate = new HashAggregateOperator(partial, memory)) {
            try (Pulled pulled = new Pulled(aggregate, unique)) {
                for (Batch batch = pulled.next(); batch != null; batch = pulled.next()) {
                    partials.add(batch);
                }
            }
            assertTrue(aggregate.passesThrough(), "nearly unique keys");
        }
        assertEquals(0, memory.bytes());
        Map<Object, List<Object>> single = byKey(run(new AggregateNode(source, List.of(0), CALLS, AggregateStep.SINGLE), unique));
        assertEquals(single, byKey(run(merge(partial, types), partials)));

        List<Batch> few = input(new Random(17), 120);
        try (HashAggregateOperator aggregate = new HashAggregateOperator(partial, OperatorMemory.untracked("HashAggregate"));
             Pulled pulled = new Pulled(aggregate, few)) {
            int groups = 0;
            for (Batch batch = pulled.next(); batch != null; batch = pulled.next()) {
                groups += batch.rowCount();
            }
            assertEquals(20, groups);
            assertTrue(!aggregate.passesThrough(), "20 keys");
        }
    }

    /** The FINAL step over {@code partial}'s output. */
    private static AggregateNode merge(AggregateNode partial, List<DataType> types) {
        List<AggregateCall> finalCalls = new ArrayList<>();
        int column = 1;
        for (AggregateCall call : CALLS) {
            DataType argumentType = call.arguments().isEmpty() ? null : types.get(call.arguments().get(0));
            int width = call.intermediateTypes(argumentType).size();
            finalCalls.add(new AggregateCall(call.function(), IntStream.range(column, column + width).boxed().toList(), false, call.type()));
            column += width;
        }
        return new AggregateNode(partial, List.of(0), finalCalls, AggregateStep.FINAL);
    }

    /**
     * A partial step asked for its memory (the hook spilling will use) sends its groups on at its next
     * batch and starts over; the final step's answer does not change.
     */
    @Test
    void aRevokedPartialStepSendsItsGroupsEarlyAndTheAnswerStands() {
        List<DataType> types = new ArrayList<>(INPUT);
        types.add(DataType.BOOLEAN);
        PlanNode source = new ValuesNode(types, List.of());
        List<Batch> input = input(new Random(9), 10);
        Map<Object, List<Object>> single = byKey(run(new AggregateNode(source, List.of(0), CALLS, AggregateStep.SINGLE), input));
        AggregateNode partial = new AggregateNode(source, List.of(0), CALLS, AggregateStep.PARTIAL);
        TaskMemory task = new MemoryPool().newTask();
        OperatorMemory memory = task.operator("HashAggregate");
        List<Batch> partials = new ArrayList<>();
        try (HashAggregateOperator aggregate = new HashAggregateOperator(partial, memory)) {
            for (int b = 0; b < input.size(); b++) {
                aggregate.addInput(input.get(b));
                if (b == 4) {
                    long held = memory.bytes();
                    assertEquals(held, task.requestRevoke(1), "the task asks its largest revocable holder");
                }
                for (Batch out = aggregate.getOutput(); out != null; out = aggregate.getOutput()) {
                    partials.add(out);
                }
                if (b == 4) {
                    assertEquals(20, partials.stream().mapToInt(Batch::rowCount).sum(), "the groups went on after the revoke");
                }
                assertTrue(aggregate.needsInput());
            }
            aggregate.finish();
            for (Batch out = aggregate.getOutput(); out != null; out = aggregate.getOutput()) {
                partials.add(out);
            }
            assertTrue(aggregate.isFinished());
        }
        assertEquals(40, partials.stream().mapToInt(Batch::rowCount).sum(), "each key twice: before and after the revoke");
        assertEquals(single, byKey(run(merge(partial, types), partials)));
        assertEquals(0, memory.bytes());
    }
}
