package dev.shoal.coordinator.query;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.LongVector;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.type.DataType;
import dev.shoal.exec.memory.MemoryPool;
import dev.shoal.exec.memory.OperatorMemory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultStreamTest {
    private static final Object END = new Object();

    /** A query whose batches the test hands over one by one; nextBatch blocks until the next is given. */
    private static final class ScriptedSource implements ResultStream.Source {
        final BlockingQueue<Object> script = new LinkedBlockingQueue<>();
        final CountDownLatch closed = new CountDownLatch(1);
        final MemoryPool pool = new MemoryPool();
        final OperatorMemory memory = pool.newTask().operator("ResultQueue");
        volatile int batchesRead;

        @Override
        public OperatorMemory resultMemory() {
            return memory;
        }

        @Override
        public String id() {
            return "test";
        }

        @Override
        public Batch nextBatch(int max) {
            try {
                Object next = script.take();
                if (next == END) {
                    return null;
                }
                if (next instanceof RuntimeException e) {
                    throw e;
                }
                batchesRead++;
                return (Batch) next;
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            closed.countDown();
            script.add(END);
        }
    }

    private static Batch rows(long from, int count) {
        long[] values = LongStream.range(from, from + count).toArray();
        return new Batch(List.of(new LongVector(DataType.BIGINT, values, null, count)), count);
    }

    private static List<Long> values(ResultStream.Chunk chunk) {
        return chunk.batches().stream().flatMap(b -> LongStream.range(0, b.rowCount())
                .mapToObj(r -> ((LongVector) b.column(0)).get((int) r))).toList();
    }

    @Test
    void aFetchWithNoRowsYetReturnsEmptyAndNotDoneAfterItsWait() {
        ScriptedSource source = new ScriptedSource();
        try (ResultStream stream = ResultStream.start(source)) {
            long start = System.nanoTime();
            ResultStream.Chunk chunk = stream.next(100, 200);
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(0, chunk.rows());
            assertFalse(chunk.done());
            assertTrue(waited >= 150 && waited < 2000, "waited " + waited + " ms for a 200 ms wait");
        }
    }

    @Test
    void rowsPastTheLimitWaitForTheNextFetchAndTheEndComesWithTheLastRows() throws Exception {
        ScriptedSource source = new ScriptedSource();
        try (ResultStream stream = ResultStream.start(source)) {
            source.script.add(rows(0, 5));
            source.script.add(rows(5, 5));
            source.script.add(END);
            awaitRead(source, 2);
            Thread.sleep(50);
            ResultStream.Chunk first = stream.next(7, 1000);
            assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L), values(first));
            assertFalse(first.done());
            ResultStream.Chunk second = stream.next(7, 1000);
            assertEquals(List.of(7L, 8L, 9L), values(second));
            assertTrue(second.done(), "the end was already known: no empty frame after the last rows");
        }
    }

    @Test
    void aFailureAfterSomeRowsComesAtTheNextFetchAndStays() throws Exception {
        ScriptedSource source = new ScriptedSource();
        ShoalException lost = new ShoalException(ErrorCode.INTERNAL_ERROR, "worker lost");
        try (ResultStream stream = ResultStream.start(source)) {
            source.script.add(rows(0, 3));
            source.script.add(lost);
            awaitRead(source, 1);
            Thread.sleep(50);
            ResultStream.Chunk chunk = stream.next(100, 1000);
            assertEquals(3, chunk.rows(), "the rows before the failure are handed out");
            assertFalse(chunk.done());
            assertSame(lost, assertThrows(ShoalException.class, () -> stream.next(100, 1000)));
            assertSame(lost, assertThrows(ShoalException.class, () -> stream.next(100, 1000)));
        }
    }

    @Test
    void readingAheadStopsAtTheQueueUntilTheClientFetches() throws Exception {
        ScriptedSource source = new ScriptedSource();
        try (ResultStream stream = ResultStream.start(source)) {
            for (int i = 0; i < 3 * ResultStream.READ_AHEAD_BATCHES; i++) {
                source.script.add(rows(i, 1));
            }
            Thread.sleep(300);
            assertTrue(source.batchesRead <= ResultStream.READ_AHEAD_BATCHES + 1,
                    "read " + source.batchesRead + " batches ahead of a client that fetched none");
            // Everything queued comes at once; the reader refills the queue while the fetch drains it, so maybe more.
            int fetched = stream.next(1000, 1000).rows();
            assertTrue(fetched >= ResultStream.READ_AHEAD_BATCHES, fetched + " rows");
        }
    }

    @Test
    void whatIsReadAheadIsReservedUntilTheClientTakesIt() throws Exception {
        ScriptedSource source = new ScriptedSource();
        try (ResultStream stream = ResultStream.start(source)) {
            Batch first = rows(0, 1000);
            Batch second = rows(1000, 1000);
            source.script.add(first);
            source.script.add(second);
            awaitRead(source, 2);
            awaitReserved(source, first.retainedBytes() + second.retainedBytes());
            assertEquals(first.retainedBytes() + second.retainedBytes(), source.pool.reservedBytes(), "both batches queued");
            assertEquals(1500, stream.next(1500, 1000).rows());
            assertTrue(source.pool.reservedBytes() > 0, "the rest of the second batch waits for the next fetch");
            source.script.add(END);
            ResultStream.Chunk rest = stream.next(1500, 1000);
            assertEquals(500, rest.rows());
            assertEquals(0, source.pool.reservedBytes(), "everything handed out");
        }
    }

    @Test
    void closingReleasesWhatWasReadAhead() throws Exception {
        ScriptedSource source = new ScriptedSource();
        ResultStream stream = ResultStream.start(source);
        for (int i = 0; i < 2 * ResultStream.READ_AHEAD_BATCHES; i++) {
            source.script.add(rows(i * 100L, 100));
        }
        awaitRead(source, ResultStream.READ_AHEAD_BATCHES);
        assertTrue(source.pool.reservedBytes() > 0);
        stream.close();
        Thread.sleep(300);
        assertEquals(0, source.pool.reservedBytes(), "a closed stream holds nothing, not even the batch it was offering");
    }

    @Test
    void aStoppedQueryLetsGoOfWhatWasReadAheadAndItsNextFetchSaysWhy() throws Exception {
        ScriptedSource source = new ScriptedSource();
        ShoalException canceled = new ShoalException(ErrorCode.QUERY_CANCELED, "Query was canceled");
        try (ResultStream stream = ResultStream.start(source)) {
            for (int i = 0; i < 2 * ResultStream.READ_AHEAD_BATCHES; i++) {
                source.script.add(rows(i * 100L, 100));
            }
            awaitRead(source, ResultStream.READ_AHEAD_BATCHES);
            assertTrue(source.pool.reservedBytes() > 0);
            stream.stop(canceled);
            Thread.sleep(300);
            assertEquals(0, source.pool.reservedBytes(), "nothing read ahead is kept for a client that may never fetch");
            assertSame(canceled, assertThrows(ShoalException.class, () -> stream.next(100, 100)));
        }
    }

    @Test
    void closingStopsTheQuery() throws Exception {
        ScriptedSource source = new ScriptedSource();
        ResultStream stream = ResultStream.start(source);
        stream.close();
        assertTrue(source.closed.await(1, TimeUnit.SECONDS));
    }

    private static void awaitReserved(ScriptedSource source, long bytes) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (source.pool.reservedBytes() < bytes && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    private static void awaitRead(ScriptedSource source, int batches) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (source.batchesRead < batches && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }
}
