package dev.shoal.exec.pipeline;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.LongVector;
import dev.shoal.core.plan.AggregateCall;
import dev.shoal.core.plan.AggregateFunction;
import dev.shoal.core.plan.AggregateNode;
import dev.shoal.core.plan.AggregateStep;
import dev.shoal.core.plan.ExchangeKind;
import dev.shoal.core.plan.PlanFragment;
import dev.shoal.core.plan.PlanNode;
import dev.shoal.core.plan.RemoteSourceNode;
import dev.shoal.core.plan.UnionNode;
import dev.shoal.core.task.OutputSpec;
import dev.shoal.core.task.TaskDescriptor;
import dev.shoal.core.task.TaskId;
import dev.shoal.core.type.DataType;
import dev.shoal.exec.exchange.ExchangeSource;
import dev.shoal.exec.memory.MemoryPool;
import dev.shoal.exec.task.TaskExecutor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A driver waiting for exchange input holds no thread: two threads serve six waiting pipelines. */
class BlockedDriversTest {
    private static final int SOURCES = 6;
    private static final List<DataType> TYPES = List.of(DataType.BIGINT);

    /** Exchange input that has nothing until its gate opens, then one batch of {@code rows}. */
    private static final class GatedSource implements ExchangeSource {
        private final CompletableFuture<Void> gate;
        private final CountDownLatch asked;
        private final int rows;
        private boolean askedOnce;
        private boolean taken;

        GatedSource(CompletableFuture<Void> gate, CountDownLatch asked, int rows) {
            this.gate = gate;
            this.asked = asked;
            this.rows = rows;
        }

        @Override
        public synchronized Batch poll() {
            if (!gate.isDone() || taken) {
                return null;
            }
            taken = true;
            return new Batch(List.of(new LongVector(DataType.BIGINT, new long[rows], null, rows)), rows);
        }

        @Override
        public synchronized CompletableFuture<Void> isBlocked() {
            if (!askedOnce) {
                askedOnce = true;
                asked.countDown();
            }
            return gate;
        }

        @Override
        public synchronized boolean isFinished() {
            return taken;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void twoThreadsRunSixBlockedPipelinesToTheEnd() throws Exception {
        List<CompletableFuture<Void>> gates = IntStream.range(0, SOURCES).mapToObj(i -> new CompletableFuture<Void>()).toList();
        CountDownLatch asked = new CountDownLatch(SOURCES);
        List<PlanNode> sources = new ArrayList<>();
        for (int i = 0; i < SOURCES; i++) {
            sources.add(new RemoteSourceNode(i + 1, ExchangeKind.GATHER, TYPES));
        }
        PlanNode plan = new AggregateNode(new UnionNode(sources), List.of(),
                List.of(new AggregateCall(AggregateFunction.COUNT_STAR, List.of(), false, DataType.BIGINT)), AggregateStep.SINGLE);
        try (DriverPool pool = new DriverPool(2)) {
            TaskExecutor executor = new TaskExecutor(null,
                    (task, remote, stats, memory) -> new GatedSource(gates.get(remote.sourceFragmentId() - 1), asked, 100 * remote.sourceFragmentId()),
                    pool, 1);
            TaskDescriptor descriptor = new TaskDescriptor(new TaskId("q", 0, 0, 0), new PlanFragment("q", 0, plan),
                    new OutputSpec(ExchangeKind.GATHER, List.of(), 1), Map.of(), 0);
            try (TaskExecutor.Task task = executor.start(descriptor, new MemoryPool().newTask())) {
                assertTrue(asked.await(10, TimeUnit.SECONDS),
                        "every one of the six source drivers got a turn while all waited: " + asked.getCount() + " never did");
                // Opened last to first: no order of waking is assumed.
                for (int i = SOURCES - 1; i >= 0; i--) {
                    gates.get(i).complete(null);
                }
                Batch count = task.next();
                assertEquals(100L * (1 + 2 + 3 + 4 + 5 + 6), ((LongVector) count.column(0)).get(0));
                assertEquals(null, task.next());
                task.running().done().get(10, TimeUnit.SECONDS);
            }
        }
    }
}
