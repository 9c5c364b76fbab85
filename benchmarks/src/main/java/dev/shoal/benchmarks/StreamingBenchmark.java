package dev.shoal.benchmarks;

import dev.shoal.launcher.local.LocalCluster;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;

/**
 * Rows per second a client reads through the shaded JDBC driver (loaded alone in a class loader of
 * its own, as a BI tool loads it), against DuckDB's in-process JDBC reading the same Parquet
 * files, in one run: eight lineitem columns (keys, quantity, prices, discount, tax), all rows,
 * every value fetched with getObject. Prints rows, seconds and rows/s of each. Never fails on timing.
 */
@Command(name = "streaming-benchmark", mixinStandardHelpOptions = true)
public final class StreamingBenchmark implements Callable<Integer> {
    private static final String COLUMNS = "l_orderkey, l_partkey, l_suppkey, l_linenumber, l_quantity, l_extendedprice, l_discount, l_tax";

    @Mixin
    TpchDataOptions data;

    @Option(names = "--copies", description = "lineitem read this many times over (UNION ALL), for more rows (default: ${DEFAULT-VALUE})")
    int copies = 2;

    @Option(names = "--workers", description = "Shoal workers (default: ${DEFAULT-VALUE})")
    int workers = 2;

    @Option(names = "--driver-jar", required = true, description = "the shaded driver jar")
    Path driverJar;

    @Option(names = "--fetch-size", description = "rows per fetch the client asks for (default: ${DEFAULT-VALUE})")
    int fetchSize = 10_000;

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.exit(new CommandLine(new StreamingBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path dataDir = data.dataDir();
        Path lineitem = dataDir.resolve(LocalCluster.BUCKET).resolve("tpch").resolve("lineitem");
        URLClassLoader loader = new URLClassLoader(new URL[] {driverJar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        Driver shaded = (Driver) Class.forName("dev.shoal.jdbc.ShoalDriver", true, loader).getDeclaredConstructor().newInstance();
        List<String> shoalParts = new ArrayList<>();
        List<String> duckParts = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            shoalParts.add("select " + COLUMNS + " from tpch.lineitem");
            duckParts.add("SELECT " + COLUMNS + " FROM read_parquet('" + lineitem.resolve("*.parquet") + "')");
        }
        try (LocalCluster cluster = LocalCluster.start(dataDir, "127.0.0.1", 0, workers, data.scale);
             Connection shoal = shaded.connect(cluster.jdbcUrl(), new Properties());
             Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            try (Statement s = duck.createStatement()) {
                s.execute("SET threads=2");
            }
            System.out.printf("Streaming %d x TPC-H SF %s lineitem, 8 columns, through JDBC; Shoal %d workers (shaded driver, fetch size %d), "
                    + "DuckDB in-process threads=2; warm-up, then one timed read each%n", copies, data.scale, workers, fetchSize);
            read(shoal, String.join(" union all ", shoalParts));
            read(duck, String.join(" UNION ALL ", duckParts));
            Result shoalRun = read(shoal, String.join(" union all ", shoalParts));
            Result duckRun = read(duck, String.join(" UNION ALL ", duckParts));
            System.out.printf("%-8s %12s %10s %14s%n", "engine", "rows", "seconds", "rows/s");
            System.out.printf("%-8s %12d %10.2f %14.0f%n", "shoal", shoalRun.rows(), shoalRun.seconds(), shoalRun.rows() / shoalRun.seconds());
            System.out.printf("%-8s %12d %10.2f %14.0f%n", "duckdb", duckRun.rows(), duckRun.seconds(), duckRun.rows() / duckRun.seconds());
            System.out.printf("ratio (DuckDB rows/s over Shoal's): %.2f; driver jar %.1f MB%n",
                    (duckRun.rows() / duckRun.seconds()) / (shoalRun.rows() / shoalRun.seconds()), Files.size(driverJar) / 1e6);
        }
        return 0;
    }

    private record Result(long rows, double seconds) {
    }

    private Result read(Connection connection, String sql) throws SQLException {
        long start = System.nanoTime();
        long rows = 0;
        long checksum = 0;
        try (Statement s = connection.createStatement()) {
            s.setFetchSize(fetchSize);
            try (ResultSet rs = s.executeQuery(sql)) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int c = 1; c <= columns; c++) {
                        Object value = rs.getObject(c);
                        checksum += value == null ? 0 : 1;
                    }
                    rows++;
                }
            }
        }
        if (checksum != rows * 8) {
            throw new IllegalStateException("NULLs where lineitem has none: " + checksum + " values of " + rows + " rows");
        }
        return new Result(rows, (System.nanoTime() - start) / 1e9);
    }
}
