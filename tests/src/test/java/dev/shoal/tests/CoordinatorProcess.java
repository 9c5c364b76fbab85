package dev.shoal.tests;

import dev.shoal.parquet.store.S3Config;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code shoal coordinator} in a child JVM from the launcher's class path, its S3 settings in the
 * environment as an operator gives them and its standard error in a log file; started once it
 * printed its JDBC URL and cluster port.
 */
final class CoordinatorProcess implements AutoCloseable {
    private static final Pattern STARTED = Pattern.compile("(jdbc:shoal://\\S+) \\(workers: --coordinator \\S+:(\\d+)\\)");

    private final Process process;
    private final Path log;
    private final String jdbcUrl;
    private final int clusterPort;
    private final List<String> output;

    private CoordinatorProcess(Process process, Path log, String jdbcUrl, int clusterPort, List<String> output) {
        this.process = process;
        this.log = log;
        this.jdbcUrl = jdbcUrl;
        this.clusterPort = clusterPort;
        this.output = output;
    }

    /** {@code jvmOptions} before the main class, {@code args} after {@code coordinator --port 0 --cluster-port 0}. */
    static CoordinatorProcess start(S3Config s3, Path log, List<String> jvmOptions, List<String> args) throws Exception {
        String classpath = System.getProperty("shoal.launcherClasses", "../launcher/target/classes") + File.pathSeparator
                + Files.readString(Path.of(System.getProperty("shoal.launcherClasspathFile", "../launcher/target/classpath.txt"))).trim();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "--add-opens=java.base/java.nio=ALL-UNNAMED"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath, "dev.shoal.launcher.ShoalMain", "coordinator", "--port", "0", "--cluster-port", "0"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
        builder.environment().put("SHOAL_S3_ENDPOINT", s3.endpoint().orElseThrow());
        builder.environment().put("AWS_ACCESS_KEY_ID", s3.accessKey().orElseThrow());
        builder.environment().put("AWS_SECRET_ACCESS_KEY", s3.secretKey().orElseThrow());
        Process process = builder.start();
        List<String> output = new ArrayList<>();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        try {
            String[] started = CompletableFuture.supplyAsync(() -> {
                try {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        output.add(line);
                        Matcher m = STARTED.matcher(line);
                        if (m.find()) {
                            return new String[] {m.group(1), m.group(2)};
                        }
                    }
                    throw new IllegalStateException("the coordinator exited before it started: " + Files.readString(log));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).get(60, TimeUnit.SECONDS);
            return new CoordinatorProcess(process, log, started[0], Integer.parseInt(started[1]), output);
        } catch (Exception e) {
            process.destroyForcibly();
            throw e;
        }
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    int clusterPort() {
        return clusterPort;
    }

    /** What it printed on standard output until it started. */
    List<String> output() {
        return output;
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    /** SIGKILL: no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGTERM, as an operator stops it. */
    void stop() throws InterruptedException {
        process.destroy();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
