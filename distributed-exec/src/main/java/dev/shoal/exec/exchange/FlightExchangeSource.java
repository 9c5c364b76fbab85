package dev.shoal.exec.exchange;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.task.TaskLocation;
import dev.shoal.core.type.DataType;
import dev.shoal.exec.memory.OperatorMemory;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStream;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The receiving end of an exchange over live Flight streams: reads one partition from every task
 * of the source fragment, each stream on a reader thread of its own, all at once (reading them one after another could deadlock producers that feed several
 * consumers), into a small bounded queue. A full queue stops reading, gRPC flow control stops the
 * sender, and the sender's output buffer fills: back-pressure reaches the producer. A source task
 * that runs in this process is read straight from its output buffer, its batches passed as they
 * are: neither Arrow nor gRPC has anything to do between two tasks of one worker.
 */
public final class FlightExchangeSource implements ExchangeSource {
    private static final int QUEUE_BATCHES = 8;
    /** Put by each reader when its stream ends (or fails), so the consumer wakes at once. */
    private static final CompletableFuture<Void> NOT_BLOCKED = CompletableFuture.completedFuture(null);
    private static final Batch END = new Batch(List.of(), 0);

    private final List<DataType> types;
    /** Batches and end markers, in arrival order; guarded by {@link #accounting}. */
    private final ArrayDeque<Batch> queue = new ArrayDeque<>();
    /** Batches (not end markers) in the queue: readers wait while it is at the bound. */
    private final Semaphore space = new Semaphore(QUEUE_BATCHES);
    /** Sources whose end marker has not been taken yet; guarded by {@link #accounting}. */
    private int open;
    /** Completed when the queue gets something; replaced when a poll finds it empty. */
    private CompletableFuture<Void> arrived = new CompletableFuture<>();
    private final AtomicReference<ShoalException> failure = new AtomicReference<>();
    private final List<Future<?>> readers = new ArrayList<>();
    private final List<FlightStream> streams = new ArrayList<>();
    private final ExchangeStats stats;
    private volatile boolean closed;
    /** What the queued batches hold; readers add, the consumer takes, close clears, all under {@link #accounting}. */
    private final OperatorMemory memory;
    private final Object accounting = new Object();
    private long queuedBytes;

    public FlightExchangeSource(FlightClients clients, List<TaskLocation> sources, int partition,
                                  List<DataType> types, ExchangeStats stats, OperatorMemory memory) {
        this(clients, LocalTasks.NONE, sources, partition, types, stats, memory);
    }

    /** {@code local}: the tasks of this process, read without Flight. */
    public FlightExchangeSource(FlightClients clients, LocalTasks local, List<TaskLocation> sources, int partition,
                                List<DataType> types, ExchangeStats stats, OperatorMemory memory) {
        this.types = types;
        this.stats = stats;
        this.memory = memory;
        this.open = sources.size();
        for (TaskLocation source : sources) {
            readers.add(clients.readers().submit(() -> {
                if (local.runs(source)) {
                    readLocal(local, source, partition);
                } else {
                    read(clients, source, partition);
                }
            }));
        }
    }

    /** The output buffers of the tasks this process runs, and the worker it is. */
    public record LocalTasks(String workerId, OutputBufferSource buffers) {
        public static final LocalTasks NONE = new LocalTasks(null, taskId -> null);

        boolean runs(TaskLocation source) {
            return workerId != null && workerId.equals(source.workerId());
        }
    }

    /** Reads a partition of a task of this process from its output buffer, waiting for the task to be created here. */
    private void readLocal(LocalTasks local, TaskLocation source, int partition) {
        try {
            OutputBuffer buffer = local.buffers().await(source.taskId(), () -> closed);
            if (buffer == null) {
                if (!closed) {
                    failure.compareAndSet(null, new ShoalException(ErrorCode.QUERY_CANCELED,
                            "task " + source.taskId() + " is not running on " + source.describeWorker() + " (canceled or never started)"));
                }
                return;
            }
            while (!closed) {
                Batch batch = buffer.poll(partition, OutputBuffer.POLL_MILLIS);
                if (batch == null) {
                    if (buffer.isDrained(partition)) {
                        return;
                    }
                    continue;
                }
                buffer.recordSent(partition, batch.rowCount(), batch.retainedBytes());
                stats.record(batch.rowCount(), batch.retainedBytes());
                if (!offer(batch)) {
                    return;
                }
            }
        } catch (ShoalException e) {
            if (!closed) {
                failure.compareAndSet(null, e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ended();
        }
    }

    /** Queues a batch once there is room; false when the source was closed meanwhile. */
    private boolean offer(Batch batch) throws InterruptedException {
        while (!closed && !space.tryAcquire(100, TimeUnit.MILLISECONDS)) {
            // Waiting for the consumer: this is the back-pressure.
        }
        CompletableFuture<Void> wake;
        synchronized (accounting) {
            if (closed) {
                return false;
            }
            queue.add(batch);
            queuedBytes += batch.retainedBytes();
            memory.setBytes(queuedBytes);
            wake = arrived;
        }
        wake.complete(null);
        return true;
    }

    /** A source's end (or failure): the consumer wakes to see it. */
    private void ended() {
        CompletableFuture<Void> wake;
        synchronized (accounting) {
            queue.add(END);
            wake = arrived;
        }
        wake.complete(null);
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
                if (!offer(batch)) {
                    break;
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
            ended();
        }
    }

    @Override
    public Batch poll() {
        ShoalException error = failure.get();
        if (error != null) {
            throw error;
        }
        synchronized (accounting) {
            while (true) {
                if (closed) {
                    throw new ShoalException(ErrorCode.QUERY_CANCELED, "the query was canceled");
                }
                Batch batch = queue.poll();
                if (batch == null) {
                    if (arrived.isDone() && open > 0) {
                        arrived = new CompletableFuture<>();
                    }
                    return null;
                }
                if (batch == END) {
                    open--;
                    continue;
                }
                space.release();
                queuedBytes -= batch.retainedBytes();
                memory.setBytes(queuedBytes);
                return batch;
            }
        }
    }

    @Override
    public CompletableFuture<Void> isBlocked() {
        synchronized (accounting) {
            return queue.isEmpty() && open > 0 && failure.get() == null && !closed ? arrived : NOT_BLOCKED;
        }
    }

    @Override
    public boolean isFinished() {
        if (failure.get() != null) {
            return false;
        }
        synchronized (accounting) {
            return open == 0 && queue.isEmpty();
        }
    }

    @Override
    public void close() {
        CompletableFuture<Void> wake;
        synchronized (accounting) {
            closed = true;
            queue.clear();
            queuedBytes = 0;
            memory.free();
            wake = arrived;
        }
        wake.complete(null);
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
    }
}
