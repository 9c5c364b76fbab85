package dev.shoal.exec.operator;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.VectorBuilder;
import dev.shoal.core.plan.AggregateCall;
import dev.shoal.core.plan.AggregateFunction;
import dev.shoal.core.plan.AggregateNode;
import dev.shoal.core.plan.ExchangeKind;
import dev.shoal.core.plan.FrameBound;
import dev.shoal.core.plan.JoinNode;
import dev.shoal.core.plan.JoinType;
import dev.shoal.core.plan.SortKey;
import dev.shoal.core.plan.ValuesNode;
import dev.shoal.core.plan.WindowCall;
import dev.shoal.core.plan.WindowFrame;
import dev.shoal.core.plan.WindowFunction;
import dev.shoal.core.plan.WindowNode;
import dev.shoal.core.task.OutputSpec;
import dev.shoal.core.type.DataType;
import dev.shoal.exec.exchange.OutputBuffer;
import dev.shoal.exec.join.HashBuildOperator;
import dev.shoal.exec.join.JoinBridge;
import dev.shoal.exec.memory.MemoryPool;
import dev.shoal.exec.memory.OperatorMemory;
import dev.shoal.exec.memory.TaskMemory;
import dev.shoal.exec.pipeline.LocalExchange;
import dev.shoal.exec.pipeline.LocalExchangeSinkOperator;
import dev.shoal.exec.pipeline.TaskOutputOperator;
import dev.shoal.exec.window.WindowOperator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operator that holds rows reserves what it holds while it holds them, and is back at 0 when
 * its output is drained, and when it is closed before that (LIMIT stops reading early).
 */
class OperatorMemoryAccountingTest {
    private static final List<DataType> TYPES = List.of(DataType.BIGINT, DataType.VARCHAR, DataType.DOUBLE);
    private static final int BATCHES = 8;
    private static final int ROWS = 4096;

    /** Random rows with NULLs and skewed keys (most in a few groups). */
    private static List<Batch> input(long seed) {
        Random random = new Random(seed);
        List<Batch> batches = new ArrayList<>();
        for (int b = 0; b < BATCHES; b++) {
            VectorBuilder keys = VectorBuilder.create(DataType.BIGINT, ROWS);
            VectorBuilder names = VectorBuilder.create(DataType.VARCHAR, ROWS);
            VectorBuilder amounts = VectorBuilder.create(DataType.DOUBLE, ROWS);
            for (int r = 0; r < ROWS; r++) {
                keys.appendValue(random.nextInt(10) < 7 ? (long) random.nextInt(4) : random.nextInt(20_000));
                names.appendValue(random.nextInt(20) == 0 ? null : "name-" + random.nextInt(50_000));
                amounts.appendValue(random.nextInt(30) == 0 ? null : random.nextDouble());
            }
            batches.add(new Batch(List.of(keys.build(), names.build(), amounts.build()), ROWS));
        }
        return batches;
    }

    private static long retained(List<Batch> batches) {
        return batches.stream().mapToLong(Batch::retainedBytes).sum();
    }

    private static final ValuesNode SOURCE = new ValuesNode(TYPES, List.of());

    /** An operator over the input, built with its memory. */
    private record Case(String name, Function<OperatorMemory, Pulled> operator) {
    }

    private static List<Case> cases(List<Batch> input) {
        AggregateNode aggregate = new AggregateNode(SOURCE, List.of(1), List.of(
                new AggregateCall(AggregateFunction.SUM, List.of(2), false, DataType.DOUBLE),
                new AggregateCall(AggregateFunction.MAX, List.of(1), false, DataType.VARCHAR),
                new AggregateCall(AggregateFunction.COUNT, List.of(0), true, DataType.BIGINT)));
        JoinNode join = new JoinNode(SOURCE, SOURCE, JoinType.INNER, List.of(0), List.of(0), null, null);
        WindowNode window = new WindowNode(SOURCE, List.of(0), List.of(new SortKey(2, true, false)),
                List.of(new WindowCall(WindowFunction.RANK, List.of(), new WindowFrame(true, FrameBound.of(FrameBound.Kind.UNBOUNDED_PRECEDING), FrameBound.of(FrameBound.Kind.UNBOUNDED_FOLLOWING)), DataType.BIGINT)));
        List<SortKey> order = List.of(new SortKey(1, true, false), new SortKey(2, false, true));
        return List.of(
                new Case("Sort", memory -> new Pulled(new SortOperator(order, TYPES, memory), input)),
                new Case("TopN", memory -> new Pulled(new TopNOperator(order, TYPES, 20_000, memory), input)),
                new Case("HashAggregate", memory -> new Pulled(new HashAggregateOperator(aggregate, memory), input)),
                new Case("HashJoin", memory -> Pulled.join(join, input.subList(0, 1), input, memory)),
                new Case("Window", memory -> new Pulled(new WindowOperator(window, memory), input)));
    }

    @Test
    void eachOperatorReservesWhileItHoldsRowsAndReleasesWhenDrained() {
        List<Batch> input = input(7);
        for (Case c : cases(input)) {
            MemoryPool pool = new MemoryPool();
            TaskMemory task = pool.newTask();
            OperatorMemory memory = task.operator(c.name());
            try (Pulled operator = c.operator().apply(memory)) {
                Batch first = operator.next();
                assertTrue(first != null && memory.bytes() > 0, c.name() + " holds rows once it produced its first batch");
                while (operator.next() != null) {
                    // drain
                }
                assertEquals(0, memory.bytes(), c.name() + " drained");
            }
            assertEquals(0, pool.reservedBytes(), c.name());
            assertTrue(pool.peakBytes() > 0, c.name());
        }
    }

    @Test
    void closingBeforeTheEndReleasesEverything() {
        List<Batch> input = input(11);
        for (Case c : cases(input)) {
            MemoryPool pool = new MemoryPool();
            OperatorMemory memory = pool.newTask().operator(c.name());
            Pulled operator = c.operator().apply(memory);
            operator.next();
            operator.close();
            assertEquals(0, pool.reservedBytes(), c.name() + " closed after one batch, as under a LIMIT");
        }
    }

    /** What a sort reserves is what it holds: all its input, then the sorted copy, within 20% of their arrays. */
    @Test
    void aSortReservesItsInputsRetainedSize() {
        List<Batch> input = input(3);
        long held = retained(input);
        MemoryPool pool = new MemoryPool();
        OperatorMemory memory = pool.newTask().operator("Sort");
        try (Pulled sort = new Pulled(new SortOperator(List.of(new SortKey(0, true, false)), TYPES, memory), input)) {
            sort.next();
            assertTrue(memory.peakBytes() >= held && memory.peakBytes() <= 1.2 * held, memory.peakBytes() + " reserved for " + held);
        }
    }

    /**
     * Each operator that holds its input (sort, window, TopN under its trim size, a join's build,
     * a local exchange and an exchange sink) reserves what that input retains, within 20%, once all of it is in.
     */
    @Test
    void everyHolderReservesWhatItsInputRetains() {
        List<Batch> input = input(5);
        long held = retained(input);
        WindowNode window = new WindowNode(SOURCE, List.of(0), List.of(new SortKey(2, true, false)),
                List.of(new WindowCall(WindowFunction.RANK, List.of(), new WindowFrame(true, FrameBound.of(FrameBound.Kind.UNBOUNDED_PRECEDING),
                        FrameBound.of(FrameBound.Kind.UNBOUNDED_FOLLOWING)), DataType.BIGINT)));
        JoinNode join = new JoinNode(SOURCE, SOURCE, JoinType.INNER, List.of(0), List.of(0), null, null);
        List<SortKey> order = List.of(new SortKey(1, true, false));
        List<Function<OperatorMemory, Operator>> holders = List.of(
                memory -> new SortOperator(order, TYPES, memory),
                memory -> new WindowOperator(window, memory),
                memory -> new TopNOperator(order, TYPES, 1_000_000, memory),
                memory -> new HashBuildOperator(new JoinBridge(join, 1, 1, null, memory), 0),
                memory -> new LocalExchangeSinkOperator(new LocalExchange(1, 2, List.of(0), memory)),
                memory -> new TaskOutputOperator(new OutputBuffer(TYPES, 1, Long.MAX_VALUE, memory),
                        new OutputSpec(ExchangeKind.GATHER, List.of(), 1), new LongAdder()));
        for (Function<OperatorMemory, Operator> holder : holders) {
            OperatorMemory memory = new MemoryPool().newTask().operator("holder");
            try (Operator operator = holder.apply(memory)) {
                input.forEach(operator::addInput);
                String name = operator.getClass().getSimpleName();
                assertTrue(memory.bytes() >= 0.8 * held && memory.bytes() <= 1.2 * held,
                        name + " reserves " + memory.bytes() + " for input retaining " + held);
            }
        }
    }
}
