package dev.shoal.benchmarks;

import dev.shoal.launcher.local.LocalCluster;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * TPC-H on Shoal and on DuckDB over the same Parquet files, in the same run: one warm-up and
 * {@code runs} timed runs per query and engine, client-side time including fetching every row.
 * Prints the median per query, the ratio Shoal/DuckDB and the geometric mean of the ratios over
 * the queries both engines answered. Never fails on timing.
 */
@Command(name = "tpch-benchmark", mixinStandardHelpOptions = true)
public final class TpchBenchmark implements Callable<Integer> {
    private static final String[] TABLES = {"lineitem", "orders", "customer", "part", "partsupp", "supplier", "nation", "region"};

    @Mixin
    TpchDataOptions data;

    @Option(names = "--queries", description = "folder of q01.sql ... q22.sql (default: ${DEFAULT-VALUE})")
    Path queries = Path.of("tests/tpch/queries");

    @Option(names = "--runs", description = "timed runs per query (default: ${DEFAULT-VALUE})")
    int runs = 3;

    @Option(names = "--warmups", description = "untimed runs per query before its timed ones; a fresh worker process's "
            + "JIT compiler needs several to reach its steady speed (default: ${DEFAULT-VALUE})")
    int warmups = 1;

    @Option(names = "--only", split = ",", description = "run only these queries, e.g. q01,q03")
    List<String> only = List.of();

    @Option(names = "--workers", description = "Shoal workers (default: ${DEFAULT-VALUE})")
    int workers = 2;

    @Option(names = "--task-concurrency", description = "drivers per pipeline on each worker (default: the processors)")
    int taskConcurrency;

    @Option(names = "--duckdb-threads", description = "DuckDB's threads, e.g. 1 to compare scaling with --task-concurrency 1 "
            + "(default: ${DEFAULT-VALUE})")
    int duckDbThreads = 2;

    @Option(names = "--worker-processes", description = "run the workers as separate `shoal worker` processes, as in "
            + "production, instead of in this JVM")
    boolean workerProcesses;

    @Option(names = "--local-files", description = "Shoal reads the same files from the local disk (file:// tables), as DuckDB "
            + "does, instead of through the embedded S3 server, whose requests then take no CPU from the workers")
    boolean localFiles;

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.exit(new CommandLine(new TpchBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path dataDir = data.dataDir();
        long generationStart = System.nanoTime();
        try (LocalCluster cluster = LocalCluster.start(dataDir, "127.0.0.1", 0, workerProcesses ? 0 : workers, taskConcurrency, data.scale,
                config -> config);
             WorkerProcesses processes = workerProcesses ? WorkerProcesses.start(cluster, workers, taskConcurrency, "4g") : null;
             Connection shoal = DriverManager.getConnection(cluster.jdbcUrl()
                     .replace("jdbc:shoal://", "jdbc:avatica:remote:url=http://") + ";serialization=protobuf");
             Connection duck = duckDb(dataDir.resolve(LocalCluster.BUCKET).resolve("tpch"), duckDbThreads)) {
            if (localFiles) {
                useLocalFiles(shoal, dataDir.resolve(LocalCluster.BUCKET).resolve("tpch"));
            }
            System.out.printf("TPC-H SF %s, data ready in %.1f s (%s); Shoal %d %s workers x %s drivers reading %s, DuckDB threads=%d; "
                            + "%d warm-ups + %d runs, median%n",
                    data.scale, (System.nanoTime() - generationStart) / 1e9, dataDir, workers, workerProcesses ? "process" : "in-JVM",
                    taskConcurrency > 0 ? taskConcurrency : Runtime.getRuntime().availableProcessors(),
                    localFiles ? "local files" : "S3", duckDbThreads, warmups, runs);
            System.out.printf("%-6s %12s %12s %8s  %s%n", "query", "shoal ms", "duckdb ms", "ratio", "exchanged (EXPLAIN ANALYZE)");
            List<Double> ratios = new ArrayList<>();
            List<Path> files;
            try (Stream<Path> list = Files.list(queries)) {
                files = list.filter(p -> p.getFileName().toString().matches("q\\d\\d\\.sql"))
                        .filter(p -> only.isEmpty() || only.contains(p.getFileName().toString().replace(".sql", "")))
                        .sorted().toList();
            }
            for (Path file : files) {
                String sql = Files.readString(file).trim().replaceAll(";$", "");
                String name = file.getFileName().toString().replace(".sql", "");
                double duckMs = median(duck, sql);
                double shoalMs;
                try {
                    shoalMs = median(shoal, sql);
                } catch (SQLException e) {
                    String message = e.getMessage().replaceAll("(?s).*Remote driver error: ", "");
                    System.out.printf("%-6s %12s %12.1f %8s  %s%n", name, "-", duckMs, "-",
                            message.substring(0, Math.min(90, message.length())).replace('\n', ' '));
                    continue;
                }
                double ratio = shoalMs / duckMs;
                ratios.add(ratio);
                System.out.printf("%-6s %12.1f %12.1f %8.2f  %s%n", name, shoalMs, duckMs, ratio, exchanged(shoal, sql));
            }
            double geomean = Math.exp(ratios.stream().mapToDouble(Math::log).average().orElse(Double.NaN));
            System.out.printf("geometric mean of ratios over %d of %d queries: %.2f%n", ratios.size(), files.size(), geomean);
        }
        return 0;
    }

    /** The TPC-H tables again, as external tables over the files on disk, in a schema the queries then use. */
    static void useLocalFiles(Connection shoal, Path tpchDir) throws SQLException {
        try (Statement s = shoal.createStatement()) {
            s.execute("create schema if not exists tpch_files");
            for (String table : TABLES) {
                s.execute("drop table if exists tpch_files." + table);
                s.execute("create external table tpch_files." + table + " stored as parquet location '"
                        + tpchDir.resolve(table).toUri() + "'");
            }
        }
        shoal.setSchema("tpch_files");
    }

    private double median(Connection connection, String sql) throws SQLException {
        for (int i = 0; i < warmups; i++) {
            QueryTimer.fetchAll(connection, sql);
        }
        return QueryTimer.medianMillis(connection, sql, runs);
    }

    /**
     * From EXPLAIN ANALYZE: "N rows, X" moved through exchanges, then the query's time, its planning and its
     * longest task, which show how much of a query is not its tasks' work.
     */
    private static String exchanged(Connection shoal, String sql) throws SQLException {
        try (Statement statement = shoal.createStatement(); ResultSet rs = statement.executeQuery("explain analyze " + sql)) {
            String first = rs.next() ? rs.getString(1) : "";
            long longestTask = 0;
            while (rs.next()) {
                Matcher task = TASK_TIME.matcher(rs.getString(1));
                if (task.find()) {
                    longestTask = Math.max(longestTask, Long.parseLong(task.group(1)));
                }
            }
            int at = first.indexOf("exchanges moved ");
            Matcher query = QUERY_TIME.matcher(first);
            String times = query.find() ? "; query " + query.group(1) + " ms, planning " + query.group(2)
                    + " ms, longest task " + longestTask + " ms" : "";
            return (at < 0 ? "?" : first.substring(at + "exchanges moved ".length())) + times;
        }
    }

    private static final Pattern TASK_TIME = Pattern.compile("^\\s*task .*; (\\d+) ms$");
    private static final Pattern QUERY_TIME = Pattern.compile("rows in (\\d+) ms \\(planning ([\\d.]+) ms\\)");

    static Connection duckDb(Path tpchDir, int threads) throws Exception {
        Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = duck.createStatement()) {
            s.execute("SET autoinstall_known_extensions=false");
            s.execute("SET extension_directory='" + Files.createTempDirectory("duckdb-ext") + "'");
            s.execute("SET threads=" + threads);
            for (String table : TABLES) {
                s.execute("CREATE VIEW " + table + " AS SELECT * FROM read_parquet('" + tpchDir.resolve(table).resolve("*.parquet") + "')");
            }
        }
        return duck;
    }
}
