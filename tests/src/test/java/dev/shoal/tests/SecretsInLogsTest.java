package dev.shoal.tests;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.shoal.parquet.store.S3Config;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run that uses secrets, as an operator runs it: a {@code shoal coordinator} process with a
 * password file and S3 keys from the environment, a worker process with the same keys, a client
 * that gives a wrong password and then the right one and runs queries, EXPLAIN ANALYZE and
 * system.runtime.queries. Neither the S3 secret nor the password appears in either process's log
 * (at INFO), in any answer or in any error.
 */
class SecretsInLogsTest {
    private static final String PASSWORD = "bob-password-do-not-print";

    @Test
    void secretsStayOutOfLogsAnswersAndErrors() throws Exception {
        TestCluster cluster = TestCluster.get();
        S3Config s3 = cluster.s3.config();
        String secret = s3.secretKey().orElseThrow();
        Path dir = Files.createTempDirectory("shoal-secrets");
        Path passwords = dir.resolve("password.db");
        Files.writeString(passwords, "bob:" + BCrypt.withDefaults().hashToString(6, PASSWORD.toCharArray()) + "\n");
        List<String> seen = new ArrayList<>();
        try (CoordinatorProcess coordinator = CoordinatorProcess.start(s3, dir.resolve("coordinator.log"),
                List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=info"), List.of("--default-schema", "tpch",
                        "--catalog-url", "jdbc:sqlite:" + dir.resolve("catalog.db"), "--table", "tpch.nation=s3://lake/tpch/nation/",
                        "--password-file", passwords.toString()));
             WorkerProcesses workers = new WorkerProcesses()) {
            seen.addAll(coordinator.output());
            workers.start("sec1", coordinator.clusterPort(), s3);
            String url = coordinator.jdbcUrl();

            Properties wrong = new Properties();
            wrong.setProperty("user", "bob");
            wrong.setProperty("password", PASSWORD + "-not");
            SQLException refused = assertThrows(SQLException.class, () -> cluster.driver.connect(url, wrong));
            assertEquals("28000", refused.getSQLState());
            seen.add(refused.getMessage());

            Properties right = new Properties();
            right.setProperty("user", "bob");
            right.setProperty("password", PASSWORD);
            try (Connection connection = cluster.driver.connect(url, right)) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (true) {
                    try {
                        seen.addAll(rows(connection, "select count(*) from nation n1, nation n2"));
                        break;
                    } catch (SQLException e) {
                        assertTrue(System.nanoTime() < deadline, "the worker never joined: " + e.getMessage());
                        Thread.sleep(200);
                    }
                }
                seen.addAll(rows(connection, "explain analyze select n_regionkey, count(*) from nation group by n_regionkey"));
                seen.addAll(rows(connection, "select * from system.runtime.queries"));
                seen.addAll(rows(connection, "select * from system.runtime.nodes"));
                seen.addAll(rows(connection, "show create table nation"));
                SQLException bad = assertThrows(SQLException.class, () -> rows(connection, "select * from tpch.nobody"));
                seen.add(bad.getMessage());
            }
            coordinator.stop();
            String log = coordinator.log();
            assertTrue(log.contains("worker sec1") && log.contains("joined"), "the coordinator logged at INFO: " + log);
            assertFalse(workers.log("sec1").isEmpty(), "the worker logged");
            seen.add(log);
            seen.add(workers.log("sec1"));
        }
        String everything = String.join("\n", seen);
        assertFalse(everything.contains(secret), "the S3 secret appeared");
        assertFalse(everything.contains(PASSWORD), "the password appeared");
    }

    private static List<String> rows(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int c = 1; c <= columns; c++) {
                    row.append(rs.getString(c)).append('|');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
