package dev.shoal.tests;

import dev.shoal.parquet.store.S3Config;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A result far larger than the coordinator's heap streams through it: a {@code shoal coordinator}
 * process with 160 MB of heap hands 15 million rows of four BIGINTs (480 MB as vectors) to the
 * client, holding only what the client has not read yet.
 */
class LargeResultMemoryTest {
    @Test
    void fifteenMillionRowsStreamThroughACoordinatorWith160MbOfHeap() throws Exception {
        TestCluster cluster = TestCluster.get();
        S3Config s3 = cluster.s3.config();
        Path dir = Files.createTempDirectory("shoal-large-result");
        try (CoordinatorProcess coordinator = CoordinatorProcess.start(s3, dir.resolve("coordinator.log"), List.of("-Xmx160m"),
                List.of("--default-schema", "tpch", "--catalog-url", "jdbc:sqlite:" + dir.resolve("catalog.db"),
                        "--table", "tpch.lineitem=s3://lake/tpch/lineitem/", "--table", "tpch.nation=s3://lake/tpch/nation/"));
             WorkerProcesses workers = new WorkerProcesses()) {
            workers.start("large1", coordinator.clusterPort(), s3);
            try (Connection connection = cluster.driver.connect(coordinator.jdbcUrl(), new Properties());
                 Statement s = connection.createStatement()) {
                long[] expected = awaitWorker(s);
                long start = System.nanoTime();
                long rows = 0;
                long keySum = 0;
                try (ResultSet rs = s.executeQuery("select l_orderkey, l_partkey, l_suppkey, n_nationkey from lineitem, nation")) {
                    while (rs.next()) {
                        rows++;
                        keySum += rs.getLong(1) + rs.getLong(4);
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("%d rows through a 160 MB coordinator in %.1f s (%.0f rows/s)%n", rows, seconds, rows / seconds);
                assertEquals(expected[0] * 25, rows);
                assertTrue(rows > 10_000_000, rows + " rows");
                assertEquals(expected[1] * 25 + expected[0] * 300, keySum, "every row, once: 25 nations per line item");
                try (ResultSet rs = s.executeQuery("select count(*) from nation")) {
                    rs.next();
                    assertEquals(25, rs.getLong(1), "the coordinator answers on");
                }
            }
        }
    }

    /** Line items and the sum of their order keys, once the worker has joined. */
    private static long[] awaitWorker(Statement s) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (ResultSet rs = s.executeQuery("select count(*), sum(l_orderkey) from lineitem")) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            } catch (SQLException e) {
                assertTrue(System.nanoTime() < deadline, "the worker never joined: " + e.getMessage());
                Thread.sleep(200);
            }
        }
    }
}
