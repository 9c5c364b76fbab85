package dev.shoal.benchmarks;

import dev.shoal.catalog.StoredCatalog;
import dev.shoal.catalog.discovery.ExternalTables;
import dev.shoal.coordinator.CoordinatorConfig;
import dev.shoal.launcher.local.EmbeddedCluster;
import dev.shoal.parquet.store.EmbeddedS3Server;
import dev.shoal.parquet.store.ObjectStores;
import dev.shoal.tests.oracle.Comparison;
import dev.shoal.tests.oracle.OrderKeys;
import dev.shoal.tests.oracle.ResultRows;
import dev.shoal.tests.tpcds.TpcdsData;
import dev.shoal.tests.tpcds.TpcdsQueries;
import dev.shoal.tests.tpcds.TpcdsQueries.Query;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * TPC-DS on Shoal and on DuckDB over the same Parquet files (written by DuckDB), in the same run:
 * per query one warm-up, whose answers are compared, and {@code runs} timed runs on each engine,
 * client-side time including fetching every row. Prints status, rows, medians, the ratio and the
 * geometric mean of the ratios over the queries Shoal answered as DuckDB did. Never fails on timing.
 */
@Command(name = "tpcds-benchmark", mixinStandardHelpOptions = true)
public final class TpcdsBenchmark implements Callable<Integer> {
    @Option(names = "--scale", description = "TPC-DS scale factor (default: ${DEFAULT-VALUE})")
    double scale = 1;

    @Option(names = "--cache-dir", description = "where generated data is kept between runs (default: ~/.shoal/bench/tpcds)")
    Path cacheDir = Path.of(System.getProperty("user.home"), ".shoal", "bench", "tpcds");

    @Option(names = "--queries", description = "folder of q01.sql ... q99.sql (default: ${DEFAULT-VALUE})")
    Path queries = Path.of("tests/tpcds/queries");

    @Option(names = "--runs", description = "timed runs per query and engine (default: ${DEFAULT-VALUE})")
    int runs = 3;

    @Option(names = "--only", split = ",", description = "run only these queries, e.g. q01,q14_1")
    List<String> only = List.of();

    @Option(names = "--workers", description = "Shoal workers (default: ${DEFAULT-VALUE})")
    int workers = 2;

    @Option(names = "--worker-processes", description = "run the workers as separate `shoal worker` processes, as in "
            + "production, instead of in this JVM")
    boolean workerProcesses;

    @Option(names = "--task-concurrency", description = "drivers per pipeline on each worker (default: the processors)")
    int taskConcurrency;

    @Option(names = "--local-files", description = "Shoal reads the same files from the local disk (file:// tables), as DuckDB "
            + "does, instead of through the embedded S3 server, whose requests then take no CPU from the workers")
    boolean localFiles;

    @Option(names = "--warm-passes", description = "before timing, run every selected query this many times on Shoal, "
            + "untimed, so that its JVMs are warm as a long-running cluster's are (the JIT compiler is still busy with "
            + "planner code after one pass); 0 times a cold start (default: ${DEFAULT-VALUE})")
    int warmPasses = 1;

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.exit(new CommandLine(new TpcdsBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        long generationStart = System.nanoTime();
        Path dataDir = TpcdsData.ensure(cacheDir, scale);
        double generationSeconds = (System.nanoTime() - generationStart) / 1e9;
        // The workers read the files through the S3 API of an embedded server over the data folder,
        // as in the TPC-H runner; DuckDB reads the same files from disk.
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        // The scale factor's folder is the bucket.
        String bucket = dataDir.getFileName().toString();
        StoredCatalog catalog = StoredCatalog.temporary();
        try (EmbeddedS3Server s3 = EmbeddedS3Server.start(cacheDir, 0, "shoal-bench", HexFormat.of().formatHex(secret));
             ObjectStores stores = new ObjectStores(Optional.of(s3.config()))) {
            for (String table : TpcdsData.tableNames()) {
                String location = localFiles ? dataDir.resolve(table).toUri().toString() : "s3://" + bucket + "/" + table + "/";
                catalog.createTable(ExternalTables.define(stores, "tpcds." + table + "=" + location));
            }
            try (EmbeddedCluster cluster = EmbeddedCluster.start(CoordinatorConfig.defaults("127.0.0.1", 0, 0, "tpcds"),
                    catalog, stores, workerProcesses ? 0 : workers, taskConcurrency);
                 WorkerProcesses processes = workerProcesses ? WorkerProcesses.start(s3.config(), cluster.coordinator().clusterPort(),
                         cluster.coordinator()::awaitWorkers, workers, taskConcurrency, "4g") : null;
                 Connection shoal = DriverManager.getConnection(cluster.jdbcUrl()
                         .replace("jdbc:shoal://", "jdbc:avatica:remote:url=http://") + ";serialization=protobuf");
                 Connection duck = duckDb(dataDir)) {
                run(shoal, duck, dataDir, generationSeconds);
            }
        }
        return 0;
    }

    private void run(Connection shoal, Connection duck, Path dataDir, double generationSeconds) throws SQLException {
        List<Query> selected = TpcdsQueries.load(queries).stream().filter(q -> only.isEmpty() || only.contains(q.name())).toList();
        for (int pass = 1; pass <= warmPasses; pass++) {
            long start = System.nanoTime();
            for (Query query : selected) {
                try {
                    rows(shoal, query.sql());
                } catch (SQLException e) {
                    // Reported with the query below.
                }
            }
            System.out.printf("Shoal warmed by untimed pass %d of %d over the %d queries (%.1f s)%n", pass, warmPasses,
                    selected.size(), (System.nanoTime() - start) / 1e9);
        }
        System.out.printf("TPC-DS SF %s, data ready in %.1f s (%s); Shoal %d %s workers x %s drivers reading %s, DuckDB threads=2; "
                        + "1 warm-up + %d runs, median%n",
                scale, generationSeconds, dataDir, workers, workerProcesses ? "process" : "in-JVM",
                taskConcurrency > 0 ? taskConcurrency : Runtime.getRuntime().availableProcessors(), localFiles ? "local files" : "S3", runs);
        System.out.printf("%-6s %-9s %7s %10s %10s %7s  %s%n", "query", "status", "rows", "shoal ms", "duckdb ms", "ratio", "detail");
        List<Double> ratios = new ArrayList<>();
        int equal = 0;
        for (Query query : selected) {
            ResultRows expected = rows(duck, query.duckDbSql());
            ResultRows actual;
            try {
                actual = rows(shoal, query.sql());
            } catch (SQLException e) {
                String message = e.getMessage().replaceAll("(?s).*Remote driver error: ", "").replace('\n', ' ');
                System.out.printf("%-6s %-9s %7s %10s %10.1f %7s  %s%n", query.name(), "ERROR", "-", "-", median(duck, query.duckDbSql()), "-",
                        message.substring(0, Math.min(110, message.length())));
                continue;
            }
            Comparison comparison = Comparison.of(actual, expected, query.sql().toLowerCase(Locale.ROOT).contains("order by"),
                    OrderKeys.of(query.sql()));
            double shoalMs = median(shoal, query.sql());
            double duckMs = median(duck, query.duckDbSql());
            double ratio = shoalMs / duckMs;
            String status = switch (comparison.verdict()) {
                case EQUAL -> "OK";
                case EQUAL_UP_TO_TIES -> "OK-TIES";
                case EQUAL_AS_MULTISET -> "ORDER";
                case DIFFERENT -> "DIFF";
            };
            if (comparison.equal()) {
                equal++;
                ratios.add(ratio);
            }
            String detail = comparison.detail().replace('\n', ' ');
            System.out.printf("%-6s %-9s %7d %10.1f %10.1f %7.2f  %s%n", query.name(), status, actual.rows().size(), shoalMs, duckMs, ratio,
                    detail.substring(0, Math.min(160, detail.length())));
        }
        double geomean = Math.exp(ratios.stream().mapToDouble(Math::log).average().orElse(Double.NaN));
        System.out.printf("%d of %d queries equal DuckDB's answers; geometric mean of their ratios: %.2f%n", equal, selected.size(), geomean);
    }

    private static ResultRows rows(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            return ResultRows.read(rs);
        }
    }

    private double median(Connection connection, String sql) throws SQLException {
        return QueryTimer.medianMillis(connection, sql, runs);
    }

    private static Connection duckDb(Path dataDir) throws Exception {
        Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = duck.createStatement()) {
            s.execute("SET autoinstall_known_extensions=false");
            s.execute("SET extension_directory='" + Files.createTempDirectory("duckdb-ext") + "'");
            s.execute("SET threads=2");
        }
        TpcdsData.createDuckDbViews(duck, dataDir);
        return duck;
    }
}
