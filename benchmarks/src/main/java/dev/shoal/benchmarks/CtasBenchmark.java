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
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * CREATE TABLE AS on Shoal against DuckDB's {@code COPY ... TO ... (FORMAT parquet)} of the same
 * rows, in the same run: TPC-H lineitem (all columns, Snappy) written back as Parquet, whole and
 * partitioned by l_shipmode ({@code PARTITION_BY} in DuckDB). Prints the median time of each, their
 * ratio, and the files and bytes each wrote. Never fails on timing.
 */
@Command(name = "ctas-benchmark", mixinStandardHelpOptions = true)
public final class CtasBenchmark implements Callable<Integer> {
    @Mixin
    TpchDataOptions data;

    @Option(names = "--runs", description = "timed runs per engine (default: ${DEFAULT-VALUE})")
    int runs = 3;

    @Option(names = "--workers", description = "Shoal workers (default: ${DEFAULT-VALUE})")
    int workers = 2;

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.exit(new CommandLine(new CtasBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path dataDir = data.dataDir();
        Path lineitem = dataDir.resolve(LocalCluster.BUCKET).resolve("tpch").resolve("lineitem");
        Path duckOut = Files.createTempDirectory("duckdb-copy");
        try (LocalCluster cluster = LocalCluster.start(dataDir, "127.0.0.1", 0, workers, data.scale);
             Connection shoal = DriverManager.getConnection(cluster.jdbcUrl()
                     .replace("jdbc:shoal://", "jdbc:avatica:remote:url=http://") + ";serialization=protobuf");
             Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            try (Statement s = duck.createStatement()) {
                s.execute("SET threads=2");
            }
            execute(shoal, "create schema if not exists bench");
            String columns = LINEITEM_COLUMNS.replace("l_shipmode, ", "") + ", l_shipmode";
            List<WriteCase> cases = List.of(
                    new WriteCase("lineitem, unpartitioned", "lineitem_copy", "with (write_compression = 'SNAPPY')", "select * from tpch.lineitem",
                            "SELECT * FROM read_parquet('" + lineitem.resolve("*.parquet") + "')", "lineitem.parquet", ""),
                    new WriteCase("lineitem by l_shipmode", "lineitem_by_mode",
                            "with (write_compression = 'SNAPPY', partitioned_by = ARRAY['l_shipmode'])", "select " + columns + " from tpch.lineitem",
                            "SELECT " + columns + " FROM read_parquet('" + lineitem.resolve("*.parquet") + "')", "by_mode",
                            ", PARTITION_BY (l_shipmode)"));
            System.out.printf("CTAS of TPC-H SF %s lineitem (Snappy), Shoal %d workers, DuckDB threads=2; %d runs after a warm-up, median%n",
                    data.scale, workers, runs);
            System.out.printf("%-28s %12s %12s %8s   %s%n", "write", "shoal ms", "duckdb ms", "ratio", "written (Shoal; DuckDB)");
            for (WriteCase write : cases) {
                Path shoalFolder = dataDir.resolve(LocalCluster.BUCKET).resolve("warehouse").resolve("bench").resolve(write.table());
                Path duckFolder = duckOut.resolve(write.duckTarget());
                List<Double> shoalMs = new ArrayList<>();
                List<Double> duckMs = new ArrayList<>();
                for (int run = 0; run <= runs; run++) {
                    execute(shoal, "drop table if exists bench." + write.table());
                    double shoalTime = time(shoal, "create table bench." + write.table() + " " + write.properties() + " as " + write.query());
                    delete(duckFolder);
                    double duckTime = time(duck, "COPY (" + write.duckQuery() + ") TO '" + duckFolder
                            + "' (FORMAT parquet, COMPRESSION snappy" + write.duckOptions() + ")");
                    if (run > 0) {
                        shoalMs.add(shoalTime);
                        duckMs.add(duckTime);
                    }
                }
                double shoalMedian = median(shoalMs);
                double duckMedian = median(duckMs);
                System.out.printf("%-28s %12.1f %12.1f %8.2f   %d files, %d folders, %.1f MB; %d files, %.1f MB%n", write.name(),
                        shoalMedian, duckMedian, shoalMedian / duckMedian, count(shoalFolder), folders(shoalFolder),
                        bytes(shoalFolder) / 1e6, count(duckFolder), bytes(duckFolder) / 1e6);
                System.out.printf("%-28s %s; %s%n", "  each run (ms)", runs(shoalMs), runs(duckMs));
                execute(shoal, "drop table bench." + write.table());
            }
        } finally {
            try (Stream<Path> files = Files.walk(duckOut)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    private static double time(Connection connection, String sql) throws SQLException {
        long start = System.nanoTime();
        execute(connection, sql);
        return (System.nanoTime() - start) / 1e6;
    }

    private static String runs(List<Double> times) {
        return String.join(" ", times.stream().map(t -> String.format("%.0f", t)).toList());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** One write, as Shoal's CREATE TABLE AS and as DuckDB's COPY TO of the same rows. */
    private record WriteCase(String name, String table, String properties, String query, String duckQuery, String duckTarget,
                             String duckOptions) {
    }

    private static final String LINEITEM_COLUMNS = "l_orderkey, l_partkey, l_suppkey, l_linenumber, l_quantity, l_extendedprice, "
            + "l_discount, l_tax, l_returnflag, l_linestatus, l_shipdate, l_commitdate, l_receiptdate, l_shipinstruct, l_shipmode, l_comment";

    private static long count(Path folder) throws IOException {
        if (Files.isRegularFile(folder)) {
            return 1;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(".parquet")).count();
        }
    }

    private static long folders(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isDirectory).count() - 1;
        }
    }

    private static long bytes(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void delete(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
