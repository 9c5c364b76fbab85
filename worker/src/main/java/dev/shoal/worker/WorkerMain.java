package dev.shoal.worker;

import dev.shoal.exec.pipeline.DriverPool;
import dev.shoal.parquet.store.ObjectStores;
import dev.shoal.parquet.store.S3Environment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

/** {@code shoal worker --coordinator HOST:PORT}: a worker process that joins a coordinator. */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Runs a worker that announces itself to a coordinator and runs its tasks.",
                "S3 settings come from the environment, as for the coordinator."})
public final class WorkerMain implements Callable<Integer> {
    /** A worker process on its own: {@code java -cp ... dev.shoal.worker.WorkerMain --coordinator HOST:PORT}. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new WorkerMain()).execute(args));
    }

    @Option(names = "--coordinator", required = true, paramLabel = "HOST:PORT", description = "the coordinator's cluster port")
    String coordinator;

    @Option(names = "--host", description = "address to listen on and announce (default: ${DEFAULT-VALUE})")
    String host = "127.0.0.1";

    @Option(names = "--port", description = "exchange port (default: any free port)")
    int port;

    @Option(names = "--id", description = "worker id (default: worker-<random>)")
    String id = "worker-" + UUID.randomUUID().toString().substring(0, 8);

    @Option(names = "--heartbeat", description = "ms between heartbeats (default: ${DEFAULT-VALUE})")
    long heartbeat = WorkerConfig.DEFAULT_HEARTBEAT_MILLIS;

    @Option(names = "--task-concurrency", description = "drivers each pipeline of a task runs (default: the machine's "
            + "processors, ${DEFAULT-VALUE}; the session property task_concurrency overrides it per query)")
    int taskConcurrency = WorkerConfig.defaultTaskConcurrency();

    @Option(names = "--driver-threads", description = "threads that run the drivers of all tasks (default: two per "
            + "processor, ${DEFAULT-VALUE})")
    int driverThreads = DriverPool.defaultThreads();

    @Override
    public Integer call() throws Exception {
        if (taskConcurrency < 1 || driverThreads < 1) {
            System.err.println("--task-concurrency and --driver-threads want a number of 1 or more");
            return 2;
        }
        String target = coordinator.replaceFirst("^[a-z+]+://", "");
        int colon = target.lastIndexOf(':');
        if (colon <= 0) {
            System.err.println("--coordinator wants HOST:PORT, got: " + coordinator);
            return 2;
        }
        WorkerConfig config = new WorkerConfig(id, host, port, target.substring(0, colon),
                Integer.parseInt(target.substring(colon + 1)), heartbeat, WorkerConfig.DEFAULT_OUTPUT_BUFFER_BYTES)
                .withConcurrency(taskConcurrency, driverThreads);
        try (ObjectStores stores = new ObjectStores(Optional.of(S3Environment.fromEnvironment()));
             WorkerServer worker = WorkerServer.start(config, stores)) {
            System.out.println("worker " + id + " serving on " + host + ":" + worker.port() + ", coordinator " + target);
            System.out.flush();
            Thread.currentThread().join();
        }
        return 0;
    }
}
