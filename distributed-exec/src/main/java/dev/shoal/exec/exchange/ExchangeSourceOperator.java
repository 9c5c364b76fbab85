package dev.shoal.exec.exchange;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.task.TaskLocation;
import dev.shoal.core.type.DataType;
import dev.shoal.exec.memory.OperatorMemory;
import dev.shoal.exec.operator.Operator;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStream;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The receiving end of an exchange: reads one partition from every task of the source fragment,
 * all streams at once (reading them one after another could deadlock producers that feed several
 * consumers), into a small bounded queue. A full queue stops reading, gRPC flow control stops the
 * sender, and the sender's output buffer fills: back-pressure reaches the producer.
 */
public final class ExchangeSourceOperator implements Operator {
    private static final int QUEUE_BATCHES = 8;
    /** Put by each reader when its stream ends (or fails), so the consumer wakes at once. */
    private static final Batch END = new Batch(List.of(), 0);

    private final List<DataType> types;
    private final BlockingQueue<Batch> queue = new LinkedBlockingQueue<>();
    /** Batches (not end markers) in the queue: readers wait while it is at the bound. */
    private final Semaphore space = new Semaphore(QUEUE_BATCHES);
    /** Sources whose end marker has not been taken yet; only the consumer thread counts it down. */
    private int open;
    private final AtomicReference<ShoalException> failure = new AtomicReference<>();
    private final List<Future<?>> readers = new ArrayList<>();
    private final List<FlightStream> streams = new ArrayList<>();
    private final ExchangeStats stats;
    private volatile boolean closed;
    /** What the queued batches hold; readers add, the consumer takes, close clears, all under {@link #accounting}. */
    private final OperatorMemory memory;
    private final Object accounting = new Object();
    private long queuedBytes;

    public ExchangeSourceOperator(FlightClients clients, List<TaskLocation> sources, int partition,
                                  List<DataType> types, ExchangeStats stats, OperatorMemory memory) {
        this.types = types;
        this.stats = stats;
        this.memory = memory;
        this.open = sources.size();
        for (TaskLocation source : sources) {
            readers.add(clients.readers().submit(() -> read(clients, source, partition)));
        }
    }

    private void read(FlightClients clients, TaskLocation source, int partition) {
        String peer = source.describeWorker();
        try (FlightStream stream = clients.client(source.host(), source.port())
                .getStream(new ExchangeTicket(source.taskId(), partition).toTicket())) {
            synchronized (streams) {
                if (closed) {
                    return;
                }
                streams.add(stream);
            }
            while (!closed && stream.next()) {
                Batch batch = ArrowBatches.toBatch(stream.getRoot(), types);
                stats.record(batch.rowCount(), ArrowBatches.bufferBytes(stream.getRoot()));
                while (!closed && !space.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    // Waiting for the consumer: this is the back-pressure.
                }
                synchronized (accounting) {
                    if (closed) {
                        break;
                    }
                    queue.add(batch);
                    queuedBytes += batch.retainedBytes();
                    memory.setBytes(queuedBytes);
                }
            }
        } catch (FlightRuntimeException e) {
            if (!closed) {
                failure.compareAndSet(null, FlightErrors.fromFlight(e, peer));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (!closed) {
                failure.compareAndSet(null, new ShoalException(ErrorCode.INTERNAL_ERROR,
                        "reading from worker " + peer + " failed: " + e.getMessage(), e));
            }
        } finally {
            queue.add(END);
        }
    }

    @Override
    public Batch next() {
        try {
            while (true) {
                ShoalException error = failure.get();
                if (error != null) {
                    throw error;
                }
                if (open == 0) {
                    return null;
                }
                Batch batch = queue.poll(100, TimeUnit.MILLISECONDS);
                if (batch == END) {
                    open--;
                } else if (batch != null) {
                    space.release();
                    synchronized (accounting) {
                        queuedBytes -= batch.retainedBytes();
                        memory.setBytes(closed ? 0 : queuedBytes);
                    }
                    return batch;
                } else if (closed) {
                    throw new ShoalException(ErrorCode.QUERY_CANCELED, "the query was canceled");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShoalException(ErrorCode.QUERY_CANCELED, "the query was canceled");
        }
    }

    @Override
    public void close() {
        synchronized (accounting) {
            closed = true;
            queue.clear();
            queuedBytes = 0;
            memory.free();
        }
        synchronized (streams) {
            for (FlightStream stream : streams) {
                try {
                    stream.cancel("consumer closed", null);
                } catch (RuntimeException ignored) {
                    // Already finished.
                }
            }
        }
        // No interrupt: a reader interrupted inside FlightStream.next() leaves its buffers unreleased.
        // Cancelled streams end promptly, and readers check {@code closed} between batches.
        readers.forEach(reader -> reader.cancel(false));
        queue.clear();
    }
}
