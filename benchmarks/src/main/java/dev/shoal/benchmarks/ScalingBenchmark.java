package dev.shoal.benchmarks;

import dev.shoal.launcher.local.LocalCluster;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;

/**
 * How much faster a worker runs TPC-H queries with more drivers per pipeline, against DuckDB with
 * as many threads, on the same files. Each query runs with every setting in turn on the same worker
 * processes, through the session property {@code task_concurrency}, warm-ups and timed runs
 * interleaved: every setting meets the same JIT state and the same drift of the machine, which
 * separate runs of {@link TpchBenchmark} per setting do not. DuckDB gets a database of its own per
 * thread count, as its users run it: switching one database's {@code threads} before every query
 * made it slower with both settings (Q6 137 ms with two threads, against 71 with a database of two).
 * Never fails on timing.
 */
@Command(name = "scaling-benchmark", mixinStandardHelpOptions = true)
public final class ScalingBenchmark implements Callable<Integer> {
    @Mixin
    TpchDataOptions data;

    @Option(names = "--queries", description = "folder of q01.sql ... q22.sql (default: ${DEFAULT-VALUE})")
    Path queries = Path.of("tests/tpch/queries");

    @Option(names = "--only", split = ",", description = "these queries (default: ${DEFAULT-VALUE})")
    List<String> only = List.of("q01", "q06", "q09", "q18");

    @Option(names = "--concurrency", split = ",", description = "drivers per pipeline to compare; the first is the base "
            + "(default: ${DEFAULT-VALUE})")
    List<Integer> concurrency = List.of(1, 2);

    @Option(names = "--workers", description = "worker processes (default: ${DEFAULT-VALUE})")
    int workers = 1;

    @Option(names = "--warmups", description = "untimed rounds per query, each running every setting once "
            + "(default: ${DEFAULT-VALUE})")
    int warmups = 20;

    @Option(names = "--runs", description = "timed rounds per query (default: ${DEFAULT-VALUE})")
    int runs = 9;

    @Option(names = "--duckdb-only", description = "time DuckDB alone, with no Shoal process running: its own gain on this machine")
    boolean duckDbOnly;

    @Option(names = "--s3", description = "read through the embedded S3 server instead of from the local disk as DuckDB does")
    boolean s3;

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.exit(new CommandLine(new ScalingBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path dataDir = data.dataDir();
        Path tpchDir = dataDir.resolve(LocalCluster.BUCKET).resolve("tpch");
        int most = concurrency.stream().mapToInt(Integer::intValue).max().orElseThrow();
        if (duckDbOnly) {
            // The cluster only makes sure the files exist: no Shoal process runs while DuckDB is timed.
            LocalCluster.start(dataDir, "127.0.0.1", 0, 0, most, data.scale, config -> config).close();
            try (DuckDbs ducks = DuckDbs.open(tpchDir, concurrency)) {
                System.out.printf("TPC-H SF %s; DuckDB alone, threads %s, interleaved; %d warm-up and %d timed rounds; median ms%n",
                        data.scale, concurrency, warmups, runs);
                printHeader(List.of("duckdb"));
                for (String name : only) {
                    printLine(name, List.of(medians(ducks.connections()::get, sql(name), null)));
                }
            }
            return 0;
        }
        try (LocalCluster cluster = LocalCluster.start(dataDir, "127.0.0.1", 0, 0, most, data.scale, config -> config);
             WorkerProcesses processes = WorkerProcesses.start(cluster, workers, most, "4g");
             Connection shoal = DriverManager.getConnection(cluster.jdbcUrl()
                     .replace("jdbc:shoal://", "jdbc:avatica:remote:url=http://") + ";serialization=protobuf");
             DuckDbs ducks = DuckDbs.open(tpchDir, concurrency)) {
            if (!s3) {
                TpchBenchmark.useLocalFiles(shoal, tpchDir);
            }
            System.out.printf("TPC-H SF %s; %d worker process(es) reading %s; drivers per pipeline (Shoal) and threads (DuckDB) %s, "
                    + "interleaved; %d warm-up and %d timed rounds; median ms%n", data.scale, workers, s3 ? "S3" : "local files",
                    concurrency, warmups, runs);
            printHeader(List.of("shoal", "duckdb"));
            for (String name : only) {
                String sql = sql(name);
                printLine(name, List.of(medians(c -> shoal, sql, "SET SESSION task_concurrency = %d"),
                        medians(ducks.connections()::get, sql, null)));
            }
        }
        return 0;
    }

    private String sql(String name) throws IOException {
        return Files.readString(queries.resolve(name + ".sql")).trim().replaceAll(";$", "");
    }

    private void printHeader(List<String> engines) {
        StringBuilder header = new StringBuilder(String.format("%-6s", "query"));
        for (String engine : engines) {
            for (int c : concurrency) {
                header.append(String.format(" %10s", engine + " " + c));
            }
            header.append(String.format(" %7s", "gain"));
        }
        System.out.println(header);
    }

    /** Per engine, its medians per setting and the gain of the last setting over the first. */
    private static void printLine(String name, List<double[]> perEngine) {
        StringBuilder line = new StringBuilder(String.format("%-6s", name));
        for (double[] ms : perEngine) {
            for (double m : ms) {
                line.append(String.format(" %10.1f", m));
            }
            line.append(String.format(" %6.2fx", ms[0] / ms[ms.length - 1]));
        }
        System.out.println(line);
    }

    /** One DuckDB database per thread count, in the order of the settings. */
    private record DuckDbs(List<Connection> connections) implements AutoCloseable {
        static DuckDbs open(Path tpchDir, List<Integer> threads) throws Exception {
            List<Connection> connections = new ArrayList<>();
            for (int count : threads) {
                connections.add(TpchBenchmark.duckDb(tpchDir, count));
            }
            return new DuckDbs(List.copyOf(connections));
        }

        @Override
        public void close() throws SQLException {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    private double[] medians(IntFunction<Connection> connectionFor, String sql, String setting) throws SQLException {
        int settings = concurrency.size();
        double[][] times = new double[settings][runs];
        for (int round = 0; round < warmups + runs; round++) {
            for (int k = 0; k < settings; k++) {
                int which = round % 2 == 0 ? k : settings - 1 - k;
                Connection connection = connectionFor.apply(which);
                if (setting != null) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute(String.format(setting, concurrency.get(which)));
                    }
                }
                long start = System.nanoTime();
                QueryTimer.fetchAll(connection, sql);
                if (round >= warmups) {
                    times[which][round - warmups] = (System.nanoTime() - start) / 1e6;
                }
            }
        }
        double[] medians = new double[settings];
        for (int k = 0; k < settings; k++) {
            Arrays.sort(times[k]);
            medians[k] = times[k][runs / 2];
        }
        return medians;
    }
}
