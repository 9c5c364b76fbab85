package dev.shoal.exec.exchange;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.LongVector;
import dev.shoal.core.batch.VarcharVector;
import dev.shoal.core.batch.VectorBuilder;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.plan.ExchangeKind;
import dev.shoal.core.task.OutputSpec;
import dev.shoal.core.task.TaskId;
import dev.shoal.core.task.TaskLocation;
import dev.shoal.core.type.DataType;
import dev.shoal.exec.memory.OperatorMemory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Flight exchanges end to end over loopback: rows arrive intact, a slow consumer holds its producer back, errors travel. */
class ExchangeBackPressureTest {
    private static final TaskId TASK = new TaskId("q1", 1, 0, 0);
    private static final List<DataType> TYPES = List.of(DataType.BIGINT, DataType.VARCHAR);
    private static final int ROWS_PER_BATCH = 1000;

    private static Batch batch(int index) {
        long[] keys = new long[ROWS_PER_BATCH];
        VectorBuilder strings = VectorBuilder.create(DataType.VARCHAR, ROWS_PER_BATCH);
        boolean[] nulls = new boolean[ROWS_PER_BATCH];
        for (int i = 0; i < ROWS_PER_BATCH; i++) {
            keys[i] = (long) index * ROWS_PER_BATCH + i;
            nulls[i] = i % 7 == 0;
            if (i % 5 == 0) {
                strings.appendNull();
            } else {
                strings.appendValue("row " + keys[i] + " of a batch that is a little wide");
            }
        }
        return new Batch(List.of(new LongVector(DataType.BIGINT, keys, nulls, ROWS_PER_BATCH), strings.build()), ROWS_PER_BATCH);
    }

    @Test
    void slowConsumerKeepsProducerMemoryUnderTheBound() throws Exception {
        long bound = 4 * ArrowBatches.estimatedBytes(batch(0));
        OutputBuffer buffer = new OutputBuffer(TYPES, 1, bound, OperatorMemory.untracked("OutputBuffer"));
        // About 110 MB in all: far more than gRPC's window and the sockets' buffers hold.
        int batches = 2000;
        AtomicReference<Throwable> producerError = new AtomicReference<>();
        Thread producer = new Thread(() -> {
            try {
                PartitionedOutputWriter writer = new PartitionedOutputWriter(new OutputSpec(ExchangeKind.GATHER, List.of(), 1), buffer);
                for (int b = 0; b < batches; b++) {
                    buffer.isBlocked().join(); // as a driver waits (without its thread) for room
                    writer.write(batch(b));
                }
                buffer.finish();
            } catch (Throwable e) {
                producerError.set(e);
            }
        });
        try (FlightEndpoint endpoint = FlightEndpoint.start("127.0.0.1", 0, id -> id.equals(TASK) ? buffer : null, Map.of());
             FlightClients clients = new FlightClients()) {
            producer.start();
            ExchangeStats stats = new ExchangeStats();
            FlightExchangeSource consumer = new FlightExchangeSource(clients,
                    List.of(new TaskLocation("w", "127.0.0.1", endpoint.port(), TASK)), 0, TYPES, stats, OperatorMemory.untracked("ExchangeSource"));
            long rows = 0;
            long maxInFlight = 0;
            long checksum = 0;
            int nulls = 0;
            for (Batch b = next(consumer); b != null; b = next(consumer)) {
                Thread.sleep(1); // the deliberately slow consumer
                rows += b.rowCount();
                maxInFlight = Math.max(maxInFlight, buffer.rowsSent() - rows);
                LongVector keys = (LongVector) b.column(0);
                VarcharVector strings = (VarcharVector) b.column(1);
                for (int i = 0; i < b.rowCount(); i++) {
                    if (keys.isNull(i)) {
                        nulls++;
                    } else {
                        checksum += keys.get(i);
                    }
                    if (!strings.isNull(i)) {
                        assertTrue(strings.getString(i).startsWith("row ") && strings.getString(i).endsWith("wide"));
                    }
                }
            }
            consumer.close();
            producer.join();
            assertNull(producerError.get());
            assertEquals((long) batches * ROWS_PER_BATCH, rows);
            long expected = 0;
            int expectedNulls = 0;
            for (long k = 0; k < (long) batches * ROWS_PER_BATCH; k++) {
                if (k % ROWS_PER_BATCH % 7 == 0) {
                    expectedNulls++;
                } else {
                    expected += k;
                }
            }
            assertEquals(expected, checksum);
            assertEquals(expectedNulls, nulls);
            // A writer is held back once the buffer reaches its bound: it holds the bound and one batch at most.
            long oneBatch = ArrowBatches.estimatedBytes(batch(0));
            assertTrue(buffer.peakBufferedBytes() <= bound + oneBatch,
                    "producer buffered " + buffer.peakBufferedBytes() + " bytes, bound " + bound);
            assertEquals(rows, stats.rows().sum());
            // Sent but not yet consumed: in the consumer's queue, gRPC's flow-control window and the
            // sockets' buffers (about 260 batches, 14 MB, on loopback here): bounded, not the 2000 sent.
            System.out.println("in flight at most " + maxInFlight / ROWS_PER_BATCH + " batches");
            assertTrue(maxInFlight <= 500L * ROWS_PER_BATCH, "a slow consumer let " + maxInFlight + " rows pile up in transit");
            assertEquals(rows, buffer.rowsSent());
        }
    }

    @Test
    void producerFailureReachesTheConsumerWithItsMessage() throws Exception {
        OutputBuffer buffer = new OutputBuffer(TYPES, 2, 1 << 20, OperatorMemory.untracked("OutputBuffer"));
        buffer.add(1, batch(0));
        buffer.fail(new ShoalException(ErrorCode.CORRUPT_FILE, "cannot read Parquet file s3://lake/x.parquet"));
        try (FlightEndpoint endpoint = FlightEndpoint.start("127.0.0.1", 0, id -> buffer, Map.of());
             FlightClients clients = new FlightClients()) {
            FlightExchangeSource consumer = new FlightExchangeSource(clients,
                    List.of(new TaskLocation("w", "127.0.0.1", endpoint.port(), TASK)), 1, TYPES, new ExchangeStats(), OperatorMemory.untracked("ExchangeSource"));
            ShoalException e = assertThrows(ShoalException.class, () -> {
                while (next(consumer) != null) {
                    // Reading on until the failure arrives.
                }
            });
            assertEquals(ErrorCode.CORRUPT_FILE, e.code());
            assertTrue(e.getMessage().contains("s3://lake/x.parquet"), e.getMessage());
            consumer.close();
        }
    }

    @Test
    void aConsumerAskingBeforeItsProducerIsCreatedGetsItsRows() throws Exception {
        // The coordinator creates a query's tasks all at once: a consumer may ask a worker for a task it has not created yet.
        AtomicReference<OutputBuffer> created = new AtomicReference<>();
        try (FlightEndpoint endpoint = FlightEndpoint.start("127.0.0.1", 0, id -> id.equals(TASK) ? created.get() : null, Map.of());
             FlightClients clients = new FlightClients()) {
            FlightExchangeSource consumer = new FlightExchangeSource(clients,
                    List.of(new TaskLocation("w", "127.0.0.1", endpoint.port(), TASK)), 0, TYPES, new ExchangeStats(), OperatorMemory.untracked("ExchangeSource"));
            assertNull(consumer.poll(), "nothing before the producer exists");
            Thread.sleep(300);
            OutputBuffer buffer = new OutputBuffer(TYPES, 1, 1 << 20, OperatorMemory.untracked("OutputBuffer"));
            buffer.add(0, batch(3));
            buffer.finish();
            created.set(buffer);
            long rows = 0;
            for (Batch b = next(consumer); b != null; b = next(consumer)) {
                rows += b.rowCount();
            }
            assertEquals(ROWS_PER_BATCH, rows);
            consumer.close();
        }
    }

    /**
     * A task running in the consumer's own process is read from its output buffer (its batches as they are, no Arrow,
     * no gRPC), at once with another worker's task over Flight; the local producer is held back by its buffer's bound.
     */
    @Test
    void aTaskOfThisProcessIsReadFromItsBufferBesideOthersOverFlight() throws Exception {
        TaskId local = new TaskId("q1", 1, 1, 0);
        long bound = 4 * batch(0).retainedBytes();
        OutputBuffer localBuffer = new OutputBuffer(TYPES, 1, bound, OperatorMemory.untracked("OutputBuffer"));
        OutputBuffer remoteBuffer = new OutputBuffer(TYPES, 1, 1 << 20, OperatorMemory.untracked("OutputBuffer"));
        remoteBuffer.add(0, batch(1000));
        remoteBuffer.finish();
        int batches = 300;
        List<Batch> produced = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread producer = new Thread(() -> {
            for (int b = 0; b < batches; b++) {
                localBuffer.isBlocked().join();
                Batch batch = batch(b);
                produced.add(batch);
                localBuffer.add(0, batch);
            }
            localBuffer.finish();
        });
        // The endpoint serves only the other worker's task: reading the local one over Flight would not find it.
        try (FlightEndpoint endpoint = FlightEndpoint.start("127.0.0.1", 0, id -> id.equals(TASK) ? remoteBuffer : null, Map.of());
             FlightClients clients = new FlightClients()) {
            producer.start();
            ExchangeStats stats = new ExchangeStats();
            FlightExchangeSource consumer = new FlightExchangeSource(clients,
                    new FlightExchangeSource.LocalTasks("here", id -> id.equals(local) ? localBuffer : null),
                    List.of(new TaskLocation("here", "127.0.0.1", endpoint.port(), local),
                            new TaskLocation("there", "127.0.0.1", endpoint.port(), TASK)),
                    0, TYPES, stats, OperatorMemory.untracked("ExchangeSource"));
            long rows = 0;
            int passedAsTheyAre = 0;
            for (Batch b = next(consumer); b != null; b = next(consumer)) {
                Thread.sleep(1); // a slow consumer
                rows += b.rowCount();
                Batch received = b;
                passedAsTheyAre += produced.stream().anyMatch(p -> p == received) ? 1 : 0;
            }
            consumer.close();
            producer.join();
            assertEquals((long) (batches + 1) * ROWS_PER_BATCH, rows);
            assertEquals(batches, passedAsTheyAre, "the local task's batches arrive as the producer made them");
            assertEquals((long) batches * ROWS_PER_BATCH, localBuffer.rowsSent());
            assertEquals(rows, stats.rows().sum());
            assertTrue(localBuffer.peakBufferedBytes() <= bound + batch(0).retainedBytes(),
                    "producer buffered " + localBuffer.peakBufferedBytes() + " bytes, bound " + bound);
        }
    }

    @Test
    void aLocalProducersFailureReachesTheConsumerWithItsMessage() {
        OutputBuffer buffer = new OutputBuffer(TYPES, 1, 1 << 20, OperatorMemory.untracked("OutputBuffer"));
        buffer.add(0, batch(0));
        buffer.fail(new ShoalException(ErrorCode.CORRUPT_FILE, "cannot read Parquet file s3://lake/y.parquet"));
        try (FlightClients clients = new FlightClients()) {
            FlightExchangeSource consumer = new FlightExchangeSource(clients, new FlightExchangeSource.LocalTasks("here", id -> buffer),
                    List.of(new TaskLocation("here", "127.0.0.1", 1, TASK)), 0, TYPES, new ExchangeStats(),
                    OperatorMemory.untracked("ExchangeSource"));
            ShoalException e = assertThrows(ShoalException.class, () -> {
                while (next(consumer) != null) {
                    // Reading on until the failure arrives.
                }
            });
            assertEquals(ErrorCode.CORRUPT_FILE, e.code());
            assertTrue(e.getMessage().contains("s3://lake/y.parquet"), e.getMessage());
            consumer.close();
        }
    }

    @Test
    void unreachableWorkerIsNamed() {
        try (FlightClients clients = new FlightClients()) {
            FlightExchangeSource consumer = new FlightExchangeSource(clients,
                    List.of(new TaskLocation("w9", "127.0.0.1", 1, TASK)), 0, TYPES, new ExchangeStats(), OperatorMemory.untracked("ExchangeSource"));
            ShoalException e = assertThrows(ShoalException.class, () -> next(consumer));
            assertEquals(ErrorCode.WORKER_LOST, e.code());
            assertTrue(e.getMessage().contains("w9 (127.0.0.1:1)"), e.getMessage());
            consumer.close();
        }
    }

    /** The next batch, waiting as a driver would (its future) for one to arrive; null at the end. */
    private static Batch next(ExchangeSource source) {
        while (true) {
            Batch batch = source.poll();
            if (batch != null) {
                return batch;
            }
            if (source.isFinished()) {
                return null;
            }
            source.isBlocked().join();
        }
    }
}
