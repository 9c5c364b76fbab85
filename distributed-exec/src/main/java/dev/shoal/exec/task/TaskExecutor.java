package dev.shoal.exec.task;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.plan.ExchangeKind;
import dev.shoal.core.plan.PlanFragment;
import dev.shoal.core.plan.RemoteSourceNode;
import dev.shoal.core.serde.PlanCodec;
import dev.shoal.core.task.OutputSpec;
import dev.shoal.core.task.TaskDescriptor;
import dev.shoal.core.task.TaskId;
import dev.shoal.core.task.TaskLocation;
import dev.shoal.exec.dynamicfilter.DynamicFilterRegistry;
import dev.shoal.exec.exchange.ExchangeSink;
import dev.shoal.exec.exchange.ExchangeSource;
import dev.shoal.exec.exchange.FlightClients;
import dev.shoal.exec.exchange.FlightErrors;
import dev.shoal.exec.exchange.FlightExchangeSource;
import dev.shoal.exec.exchange.OutputBuffer;
import dev.shoal.exec.exchange.OutputBufferSource;
import dev.shoal.exec.memory.MemoryPool;
import dev.shoal.exec.memory.TaskMemory;
import dev.shoal.exec.operator.Operator;
import dev.shoal.exec.operator.ScanContext;
import dev.shoal.exec.pipeline.Driver;
import dev.shoal.exec.pipeline.DriverPool;
import dev.shoal.exec.pipeline.PipelineBuilder;
import dev.shoal.exec.pipeline.PipelineTask;
import dev.shoal.exec.pipeline.TaskOutputOperator;
import dev.shoal.parquet.reader.FooterCache;
import dev.shoal.parquet.store.ObjectStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Turns task descriptors into pipelines of drivers on this process's {@link DriverPool}. The
 * descriptor arrives serialized, as it does over the network: the coordinator and the task never
 * share plan objects.
 */
public final class TaskExecutor {
    /** What a task pulled by its caller (the query's root, a test) buffers ahead of it. */
    private static final long PULLED_OUTPUT_BYTES = 16L << 20;

    /**
     * The worker's parsed Parquet footers: about 80,000 column chunks' metadata. On an object store,
     * a footer not held costs a round trip for every split of its file.
     */
    private static final long FOOTER_CACHE_BYTES = 32L << 20;

    private final ScanContext scans;
    private final ExchangeSources exchanges;
    private final DriverPool pool;
    private final int defaultConcurrency;
    private final DynamicFilterRegistry dynamicFilters = new DynamicFilterRegistry();
    private volatile FlightExchangeSource.LocalTasks localTasks = FlightExchangeSource.LocalTasks.NONE;

    /** Opens the receiving end of an exchange for a task: live Flight streams, or a test's batches. */
    @FunctionalInterface
    public interface ExchangeSources {
        ExchangeSource open(TaskDescriptor task, RemoteSourceNode remote, TaskStats stats, TaskMemory memory);
    }

    /**
     * Exchanges over Flight through {@code clients}; {@code defaultConcurrency}: the drivers a pipeline gets
     * when the task's session does not say.
     */
    public TaskExecutor(ObjectStore store, FlightClients clients, DriverPool pool, int defaultConcurrency) {
        this.scans = new ScanContext(store, FooterCache.of(FOOTER_CACHE_BYTES), pool.fetches());
        this.exchanges = (task, remote, stats, memory) -> flightSource(clients, localTasks, task, remote, stats, memory);
        this.pool = pool;
        this.defaultConcurrency = Math.max(1, defaultConcurrency);
    }

    /**
     * The tasks of this process that exchanges read without Flight: {@code buffers}, those of worker
     * {@code workerId}, which tasks' locations name.
     */
    public void readLocally(String workerId, OutputBufferSource buffers) {
        localTasks = new FlightExchangeSource.LocalTasks(workerId, buffers);
    }

    public TaskExecutor(ObjectStore store, ExchangeSources exchanges, DriverPool pool, int defaultConcurrency) {
        this.scans = new ScanContext(store, FooterCache.of(FOOTER_CACHE_BYTES), pool.fetches());
        this.exchanges = exchanges;
        this.pool = pool;
        this.defaultConcurrency = Math.max(1, defaultConcurrency);
    }

    /** A task of a single fragment with no exchanges (tests, and plans that need none), its memory in a pool of its own. */
    public Task start(byte[] serializedFragment) {
        PlanFragment fragment = PlanCodec.decode(serializedFragment);
        return start(new TaskDescriptor(new TaskId(fragment.queryId(), fragment.fragmentId(), 0, 0), fragment,
                new OutputSpec(ExchangeKind.GATHER, List.of(), 1), Map.of(), 0), new MemoryPool().newTask());
    }

    /** Starts a task whose output its caller pulls ({@link Task#next()}) and must close. */
    public Task start(TaskDescriptor descriptor, TaskMemory memory) {
        OutputBuffer output = new OutputBuffer(descriptor.fragment().root().outputTypes(), 1, PULLED_OUTPUT_BYTES,
                memory.operator("OutputBuffer"));
        Running running = run(descriptor, memory, output);
        return new Task(running, output);
    }

    /**
     * Starts a task writing its output into {@code sink}, which it finishes (or fails) once every
     * driver is done, after the task's shared state is released.
     */
    public Running run(TaskDescriptor descriptor, TaskMemory memory, ExchangeSink sink) {
        TaskStats stats = new TaskStats();
        int concurrency = descriptor.taskConcurrency() > 0 ? descriptor.taskConcurrency() : defaultConcurrency;
        PipelineBuilder builder = new PipelineBuilder(scans, stats, remote -> exchanges.open(descriptor, remote, stats, memory),
                dynamicFilters, descriptor.taskId(), memory, concurrency);
        PipelineTask task = new PipelineTask(pool);
        try {
            for (PipelineBuilder.Pipeline pipeline : builder.build(descriptor.fragment().root(),
                    driver -> new TaskOutputOperator(sink, descriptor.output(), stats.rowsOutput()))) {
                for (int d = 0; d < pipeline.drivers(); d++) {
                    List<Operator> operators = new ArrayList<>();
                    for (PipelineBuilder.OperatorFactory factory : pipeline.operators()) {
                        operators.add(factory.create(d));
                    }
                    task.add(new Driver(operators, task::stopped));
                }
            }
        } catch (RuntimeException e) {
            builder.releases().forEach(Runnable::run);
            throw e;
        }
        Running running = new Running(descriptor.taskId(), task, stats);
        task.done().whenComplete((ignored, error) -> {
            builder.releases().forEach(TaskExecutor::releaseQuietly);
            // What an operator still states it holds (a task stopped midway closes operators it never finished) is
            // released; the sink's batches wait for their consumers.
            memory.closeAllBut(sink.memory());
            if (error == null) {
                sink.finish();
            } else {
                sink.fail(FlightErrors.asShoal(error instanceof CompletionException ? error.getCause() : error));
            }
        });
        task.start();
        return running;
    }

    private static void releaseQuietly(Runnable release) {
        try {
            release.run();
        } catch (RuntimeException ignored) {
            // Released as far as it could be: the task is over either way.
        }
    }

    /** The dynamic filters of this process's tasks, shared by the joins and scans of a query. */
    public DynamicFilterRegistry dynamicFilters() {
        return dynamicFilters;
    }

    private static ExchangeSource flightSource(FlightClients clients, FlightExchangeSource.LocalTasks local, TaskDescriptor descriptor,
                                               RemoteSourceNode remote, TaskStats stats, TaskMemory memory) {
        List<TaskLocation> sources = descriptor.sources().get(remote.sourceFragmentId());
        if (sources == null || clients == null) {
            throw new ShoalException(ErrorCode.INTERNAL_ERROR,
                    "task " + descriptor.taskId() + " has no locations for source fragment " + remote.sourceFragmentId());
        }
        return new FlightExchangeSource(clients, local, sources, descriptor.partition(), remote.types(), stats.received(),
                memory.operator("ExchangeSource"));
    }

    /** A task's drivers at work: done when all are. */
    public static final class Running {
        private final TaskId id;
        private final PipelineTask task;
        private final TaskStats stats;

        Running(TaskId id, PipelineTask task, TaskStats stats) {
            this.id = id;
            this.task = task;
            this.stats = stats;
        }

        public TaskId id() {
            return id;
        }

        public TaskStats stats() {
            return stats;
        }

        /** Completes once every driver has closed; exceptionally with the task's failure or cancel. */
        public CompletableFuture<Void> done() {
            return task.done();
        }

        /** Stops every driver at its next turn. */
        public void abort() {
            task.abort();
        }
    }

    /** A running task whose output its caller pulls, one batch at a time. */
    public static final class Task implements AutoCloseable {
        private final Running running;
        private final OutputBuffer output;

        Task(Running running, OutputBuffer output) {
            this.running = running;
            this.output = output;
        }

        public TaskId id() {
            return running.id();
        }

        /** The next output batch, waiting for it; null when the task is done. Throws the task's failure. */
        public Batch next() {
            try {
                while (true) {
                    Batch batch = output.poll(0, 100);
                    if (batch != null) {
                        return batch;
                    }
                    if (output.isDrained(0)) {
                        return null;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ShoalException(ErrorCode.QUERY_CANCELED, "the query was canceled");
            }
        }

        /**
         * Whether the task ends within {@code millis} without another batch: its caller read everything it will
         * output. False when a batch arrives first (it is dropped: the caller asks because it stops reading).
         */
        public boolean endsWithin(long millis) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            try {
                while (!output.isDrained(0)) {
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (left <= 0 || output.poll(0, Math.min(left, 100)) != null) {
                        return false;
                    }
                }
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        public TaskStats stats() {
            return running.stats();
        }

        public Running running() {
            return running;
        }

        @Override
        public void close() {
            running.abort();
            output.abort();
        }
    }
}
