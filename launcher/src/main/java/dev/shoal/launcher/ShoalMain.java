package dev.shoal.launcher;

import dev.shoal.launcher.cli.QueryOptions;
import dev.shoal.launcher.local.LocalCluster;
import dev.shoal.worker.WorkerMain;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** The {@code shoal} command line. */
@Command(name = "shoal", mixinStandardHelpOptions = true, version = "Shoal 0.1.0",
        description = "A distributed SQL query engine for Parquet data lakes.",
        footer = {"", "Environment: SHOAL_HEAP (the JVM's maximum heap, default 4g) and JAVA_OPTS (other JVM options), read by ./shoal;",
                "SHOAL_S3_ENDPOINT, AWS_REGION, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY for S3 (or the AWS default chain)."},
        subcommands = {ShoalMain.Local.class, ShoalMain.Sql.class, CoordinatorCommand.class, WorkerMain.class})
public final class ShoalMain implements Runnable {
    public static void main(String[] args) {
        // Servers log at INFO by default; a shell user wants warnings only.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        System.exit(new CommandLine(new ShoalMain()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** {@code shoal sql}: the shell in a JVM of its own ({@code ./shoal sql} starts it directly). */
    @Command(name = "sql", description = "Shoal's SQL shell: shoal sql [--server HOST:PORT] [--user U] [--execute SQL | --file F] "
            + "[--output-format ALIGNED|CSV|TSV|JSON]; shoal sql --help lists its options.")
    static final class Sql implements Callable<Integer> {
        @Unmatched
        List<String> args = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            return SqlShell.run(args);
        }
    }

    @Command(name = "local", mixinStandardHelpOptions = true,
            description = "Coordinator, workers and an embedded S3 server with TPC-H demo data in one JVM, then a SQL prompt.")
    static final class Local implements Callable<Integer> {
        @Option(names = "--port", description = "JDBC port (default: ${DEFAULT-VALUE})")
        int port = 8765;

        @Option(names = "--data-dir", description = "where the embedded S3 server keeps objects, as DIR/<bucket>/<key> "
                + "(default: ~/.shoal/data)")
        Path dataDir = Path.of(System.getProperty("user.home"), ".shoal", "data");

        @Option(names = "--workers", description = "workers (default: ${DEFAULT-VALUE})")
        int workers = 2;

        @Option(names = "--task-concurrency", description = "drivers each pipeline of a task runs on a worker "
                + "(default: the machine's processors; the session property task_concurrency overrides it per query)")
        int taskConcurrency;

        @Option(names = "--scale", description = "TPC-H scale factor of the demo data (default: ${DEFAULT-VALUE})")
        double scale = 0.01;

        @Option(names = "--no-shell", description = "serve until killed instead of opening a SQL prompt")
        boolean noShell;

        @Mixin
        QueryOptions queryOptions = new QueryOptions();

        @Override
        public Integer call() throws Exception {
            long start = System.nanoTime();
            try (LocalCluster cluster = LocalCluster.start(dataDir, "127.0.0.1", port, workers, taskConcurrency, scale,
                    queryOptions::apply)) {
                System.err.printf("Shoal is up in %d ms; demo data in %s%n", (System.nanoTime() - start) / 1_000_000, dataDir);
                System.out.println(cluster.jdbcUrl());
                System.out.flush();
                if (noShell) {
                    Thread.currentThread().join();
                    return 0;
                }
                return SqlShell.run(List.of("--server", "127.0.0.1:" + port));
            }
        }
    }
}
