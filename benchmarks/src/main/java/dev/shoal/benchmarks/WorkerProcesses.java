package dev.shoal.benchmarks;

import dev.shoal.launcher.local.LocalCluster;
import dev.shoal.parquet.store.S3Config;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Workers as users run them: each a `shoal worker` process of its own, announcing itself to the
 * benchmark's coordinator and reading the lake through its embedded S3 server's API.
 */
final class WorkerProcesses implements AutoCloseable {
    private final List<Process> processes = new ArrayList<>();

    /** Waits until a coordinator has {@code count} workers. */
    interface Announcements {
        void await(int count, Duration timeout) throws InterruptedException;
    }

    /** Starts {@code count} worker processes with {@code taskConcurrency} drivers a pipeline (0: their default) and waits for them. */
    static WorkerProcesses start(LocalCluster cluster, int count, int taskConcurrency, String heap) throws IOException, InterruptedException {
        return start(cluster.s3Config(), cluster.clusterPort(), cluster::awaitWorkers, count, taskConcurrency, heap);
    }

    /**
     * Workers of the coordinator whose cluster port is {@code clusterPort}, reading the lake through the S3 server {@code s3};
     * {@code announcements}: the coordinator's wait for them.
     */
    static WorkerProcesses start(S3Config s3, int clusterPort, Announcements announcements, int count, int taskConcurrency, String heap)
            throws IOException, InterruptedException {
        WorkerProcesses workers = new WorkerProcesses();
        try {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            for (int i = 0; i < count; i++) {
                List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-XX:+UseParallelGC",
                        "--add-opens=java.base/java.nio=ALL-UNNAMED"));
                // For profiling, e.g. SHOAL_BENCH_WORKER_OPTS="-XX:StartFlightRecording=filename=/tmp/w.jfr,settings=profile"
                String extra = System.getenv().getOrDefault("SHOAL_BENCH_WORKER_OPTS", "").trim();
                if (!extra.isEmpty()) {
                    command.addAll(List.of(extra.split("\\s+")));
                }
                command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                        "dev.shoal.launcher.ShoalMain", "worker", "--coordinator", "127.0.0.1:" + clusterPort,
                        "--id", "bench-worker-" + i));
                if (taskConcurrency > 0) {
                    command.addAll(List.of("--task-concurrency", String.valueOf(taskConcurrency)));
                }
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
                Map<String, String> env = builder.environment();
                env.put("SHOAL_S3_ENDPOINT", s3.endpoint().orElseThrow());
                env.put("AWS_ACCESS_KEY_ID", s3.accessKey().orElseThrow());
                env.put("AWS_SECRET_ACCESS_KEY", s3.secretKey().orElseThrow());
                env.put("AWS_REGION", s3.region());
                workers.processes.add(builder.start());
            }
            announcements.await(count, Duration.ofSeconds(60));
            return workers;
        } catch (IOException | InterruptedException | RuntimeException e) {
            workers.close();
            throw e;
        }
    }

    @Override
    public void close() {
        processes.forEach(Process::destroy);
        for (Process process : processes) {
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
