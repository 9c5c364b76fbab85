package dev.shoal.exec.pipeline;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.VectorBuilder;
import dev.shoal.core.plan.AggregateCall;
import dev.shoal.core.plan.AggregateFunction;
import dev.shoal.core.plan.AggregateNode;
import dev.shoal.core.plan.AggregateStep;
import dev.shoal.core.plan.ExchangeKind;
import dev.shoal.core.plan.FrameBound;
import dev.shoal.core.plan.JoinNode;
import dev.shoal.core.plan.JoinType;
import dev.shoal.core.plan.LimitNode;
import dev.shoal.core.plan.PlanFragment;
import dev.shoal.core.plan.PlanNode;
import dev.shoal.core.plan.RemoteSourceNode;
import dev.shoal.core.plan.SortKey;
import dev.shoal.core.plan.SortNode;
import dev.shoal.core.plan.TopNNode;
import dev.shoal.core.plan.UnionNode;
import dev.shoal.core.plan.WindowCall;
import dev.shoal.core.plan.WindowFrame;
import dev.shoal.core.plan.WindowFunction;
import dev.shoal.core.plan.WindowNode;
import dev.shoal.core.task.OutputSpec;
import dev.shoal.core.task.TaskDescriptor;
import dev.shoal.core.task.TaskId;
import dev.shoal.core.type.DataType;
import dev.shoal.exec.memory.MemoryPool;
import dev.shoal.exec.task.TaskExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every pipeline breaker gives with 2 and 4 drivers what it gives with one, over the same inputs:
 * random batches with NULLs and skewed keys, and empty ones. Rows are compared as multisets, and
 * in order where the plan orders them; the task's memory is back at 0 after each run.
 */
class PipelineConcurrencyTest {
    private static final List<DataType> FACT = List.of(DataType.BIGINT, DataType.VARCHAR, DataType.BIGINT);
    private static final List<DataType> DIM = List.of(DataType.BIGINT, DataType.VARCHAR);
    private static final RemoteSourceNode FACTS = new RemoteSourceNode(1, ExchangeKind.GATHER, FACT);
    private static final RemoteSourceNode DIMS = new RemoteSourceNode(2, ExchangeKind.GATHER, DIM);
    private static final RemoteSourceNode MORE_FACTS = new RemoteSourceNode(3, ExchangeKind.GATHER, FACT);
    private static final DriverPool POOL = new DriverPool(4);
    private static final List<SortKey> ALL_COLUMNS = List.of(new SortKey(0, true, false), new SortKey(1, false, true),
            new SortKey(2, true, true));

    @AfterAll
    static void closePool() {
        POOL.close();
    }

    /** Keys mostly in a few groups, NULLs in every column, batches of varied size. */
    private static List<Batch> facts(long seed, int batches) {
        Random random = new Random(seed);
        List<Batch> out = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            int rows = 1 + random.nextInt(3000);
            VectorBuilder keys = VectorBuilder.create(DataType.BIGINT, rows);
            VectorBuilder names = VectorBuilder.create(DataType.VARCHAR, rows);
            VectorBuilder amounts = VectorBuilder.create(DataType.BIGINT, rows);
            for (int r = 0; r < rows; r++) {
                keys.appendValue(random.nextInt(25) == 0 ? null : random.nextInt(10) < 7 ? (long) random.nextInt(4) : (long) random.nextInt(5000));
                names.appendValue(random.nextInt(20) == 0 ? null : "n" + random.nextInt(300));
                amounts.appendValue(random.nextInt(30) == 0 ? null : (long) random.nextInt(1_000_000));
            }
            out.add(new Batch(List.of(keys.build(), names.build(), amounts.build()), rows));
        }
        return out;
    }

    private static List<Batch> dims(long seed) {
        Random random = new Random(seed);
        VectorBuilder keys = VectorBuilder.create(DataType.BIGINT, 3000);
        VectorBuilder labels = VectorBuilder.create(DataType.VARCHAR, 3000);
        for (int r = 0; r < 3000; r++) {
            keys.appendValue(random.nextInt(40) == 0 ? null : (long) random.nextInt(6000));
            labels.appendValue("d" + r);
        }
        return List.of(new Batch(List.of(keys.build(), labels.build()), 3000));
    }

    private static Map<String, PlanNode> plans() {
        Map<String, PlanNode> plans = new LinkedHashMap<>();
        List<AggregateCall> calls = List.of(
                new AggregateCall(AggregateFunction.COUNT_STAR, List.of(), false, DataType.BIGINT),
                new AggregateCall(AggregateFunction.SUM, List.of(2), false, DataType.BIGINT),
                new AggregateCall(AggregateFunction.MAX, List.of(1), false, DataType.VARCHAR),
                new AggregateCall(AggregateFunction.COUNT, List.of(1), true, DataType.BIGINT));
        plans.put("grouped aggregation", new AggregateNode(FACTS, List.of(0), calls, AggregateStep.SINGLE));
        plans.put("global aggregation", new AggregateNode(FACTS, List.of(), calls, AggregateStep.SINGLE));
        AggregateNode partial = new AggregateNode(FACTS, List.of(1), calls.subList(0, 3), AggregateStep.PARTIAL);
        List<AggregateCall> finalCalls = new ArrayList<>();
        int column = 1;
        for (AggregateCall call : calls.subList(0, 3)) {
            int width = call.intermediateTypes(call.arguments().isEmpty() ? null : FACT.get(call.arguments().get(0))).size();
            finalCalls.add(new AggregateCall(call.function(), IntStream.range(column, column + width).boxed().toList(), false, call.type()));
            column += width;
        }
        plans.put("partial then final aggregation", new AggregateNode(partial, List.of(0), finalCalls, AggregateStep.FINAL));
        plans.put("sort", new SortNode(FACTS, ALL_COLUMNS));
        plans.put("topN", new TopNNode(FACTS, ALL_COLUMNS, 700));
        plans.put("window", new WindowNode(FACTS, List.of(0), List.of(new SortKey(2, true, false)), List.of(new WindowCall(
                WindowFunction.RANK, List.of(), new WindowFrame(true, FrameBound.of(FrameBound.Kind.UNBOUNDED_PRECEDING),
                        FrameBound.of(FrameBound.Kind.UNBOUNDED_FOLLOWING)), DataType.BIGINT))));
        for (JoinType type : JoinType.values()) {
            plans.put(type + " join", new JoinNode(FACTS, DIMS, type, List.of(0), List.of(0), null, null));
        }
        // Two long keys: probe drivers share a multi-column table, whose lookups must not share a key buffer.
        plans.put("two-key join", new JoinNode(FACTS, DIMS, JoinType.LEFT, List.of(0, 0), List.of(0, 0), null, null));
        plans.put("key and name join", new JoinNode(FACTS, DIMS, JoinType.INNER, List.of(0, 1), List.of(0, 1), null, null));
        // A sparse key: the build is split into partitions, one built by each build driver.
        plans.put("sparse-key full join", new JoinNode(FACTS, MORE_FACTS, JoinType.FULL, List.of(2), List.of(2), null, null));
        plans.put("sparse-key semi join", new JoinNode(FACTS, MORE_FACTS, JoinType.SEMI, List.of(2), List.of(2), null, null));
        plans.put("union", new UnionNode(List.of(FACTS, MORE_FACTS)));
        plans.put("sort of a join", new SortNode(new JoinNode(FACTS, DIMS, JoinType.INNER, List.of(0), List.of(0), null, null),
                List.of(new SortKey(0, true, false), new SortKey(1, true, false), new SortKey(2, true, false), new SortKey(4, true, false))));
        return plans;
    }

    private static boolean ordered(PlanNode plan) {
        return plan instanceof SortNode || plan instanceof TopNNode;
    }

    @Test
    void everyBreakerGivesWithTwoAndFourDriversWhatItGivesWithOne() {
        for (long seed : new long[] {1, 2}) {
            Map<Integer, List<Batch>> inputs = Map.of(1, facts(seed, 24), 2, dims(seed), 3, facts(seed + 100, 5));
            for (Map.Entry<String, PlanNode> plan : plans().entrySet()) {
                List<String> one = run(plan.getValue(), inputs, 1);
                for (int drivers : new int[] {2, 4}) {
                    List<String> many = run(plan.getValue(), inputs, drivers);
                    if (!ordered(plan.getValue())) {
                        one.sort(null);
                        many.sort(null);
                    }
                    assertEquals(one, many, plan.getKey() + " with " + drivers + " drivers, seed " + seed);
                }
            }
        }
    }

    @Test
    void emptyInputsGiveWhatOneDriverGives() {
        Map<Integer, List<Batch>> inputs = Map.of(1, List.of(), 2, List.of(), 3, List.of());
        for (Map.Entry<String, PlanNode> plan : plans().entrySet()) {
            List<String> one = run(plan.getValue(), inputs, 1);
            assertEquals(one, run(plan.getValue(), inputs, 4), plan.getKey() + " over no rows");
        }
    }

    @Test
    void aLimitStopsEveryDriverWithTheRowsItWants() {
        Map<Integer, List<Batch>> inputs = Map.of(1, facts(7, 40));
        for (int drivers : new int[] {1, 2, 4}) {
            assertEquals(1234, run(new LimitNode(FACTS, 0, 1234), inputs, drivers).size(), drivers + " drivers");
            assertEquals(0, run(new LimitNode(FACTS, 0, 0), inputs, drivers).size());
        }
    }

    /** The plan's output rows as text, run with {@code drivers} drivers a pipeline; the task's memory must be back at 0. */
    static List<String> run(PlanNode plan, Map<Integer, List<Batch>> inputs, int drivers) {
        MemoryPool memory = new MemoryPool();
        TaskExecutor executor = new TaskExecutor(null,
                (task, remote, stats, taskMemory) -> new ListExchangeSource(inputs.getOrDefault(remote.sourceFragmentId(), List.of())),
                POOL, drivers);
        TaskDescriptor descriptor = new TaskDescriptor(new TaskId("q", 0, 0, 0), new PlanFragment("q", 0, plan),
                new OutputSpec(ExchangeKind.GATHER, List.of(), 1), Map.of(), 0);
        List<String> rows = new ArrayList<>();
        try (TaskExecutor.Task task = executor.start(descriptor, memory.newTask())) {
            for (Batch batch = task.next(); batch != null; batch = task.next()) {
                for (int r = 0; r < batch.rowCount(); r++) {
                    StringBuilder row = new StringBuilder();
                    for (int c = 0; c < batch.columnCount(); c++) {
                        row.append(c == 0 ? "" : "|").append(batch.column(c).valueAt(r));
                    }
                    rows.add(row.toString());
                }
            }
            task.running().done().join();
        }
        assertEquals(0, memory.reservedBytes(), "memory held after the task, with " + drivers + " drivers");
        return rows;
    }
}
