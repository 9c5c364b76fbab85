package dev.shoal.tests;

import dev.shoal.parquet.store.S3Config;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Real worker processes: {@code shoal worker} in child JVMs, from the worker module's own main and class path,
 * given S3 settings through the environment as an operator would. Their output goes to a log file
 * per worker, kept for a failing test's diagnosis.
 */
final class WorkerProcesses implements AutoCloseable {
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Path logDir;

    WorkerProcesses() throws IOException {
        this.logDir = Files.createTempDirectory("shoal-workers");
    }

    void start(String workerId, int coordinatorClusterPort, S3Config s3) throws IOException {
        String classes = System.getProperty("shoal.workerClasses", "../worker/target/classes");
        String classpath = classes + File.pathSeparator
                + Files.readString(Path.of(System.getProperty("shoal.workerClasspathFile", "../worker/target/classpath.txt"))).trim();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "--add-opens=java.base/java.nio=ALL-UNNAMED"));
        if (Runtime.version().feature() >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(List.of("-cp", classpath, "dev.shoal.worker.WorkerMain",
                "--coordinator", "127.0.0.1:" + coordinatorClusterPort, "--id", workerId, "--heartbeat", "500"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logDir.resolve(workerId + ".log").toFile());
        builder.environment().put("SHOAL_S3_ENDPOINT", s3.endpoint().orElseThrow());
        builder.environment().put("AWS_ACCESS_KEY_ID", s3.accessKey().orElseThrow());
        builder.environment().put("AWS_SECRET_ACCESS_KEY", s3.secretKey().orElseThrow());
        processes.put(workerId, builder.start());
    }

    /** SIGKILL: the worker gets no chance to say goodbye. */
    void kill(String workerId) throws InterruptedException {
        Process process = processes.get(workerId);
        process.destroyForcibly();
        process.waitFor();
    }

    String log(String workerId) throws IOException {
        return Files.readString(logDir.resolve(workerId + ".log"));
    }

    @Override
    public void close() throws InterruptedException {
        for (Process process : processes.values()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
