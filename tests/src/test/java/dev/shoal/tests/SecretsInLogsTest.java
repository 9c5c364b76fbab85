package dev.shoal.tests;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.shoal.parquet.store.S3Config;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private static final Pattern STARTED = Pattern.compile("(jdbc:shoal://\\S+) \\(workers: --coordinator \\S+:(\\d+)\\)");
    private static final String PASSWORD = "bob-password-do-not-print";

    @Test
    void secretsStayOutOfLogsAnswersAndErrors() throws Exception {
        TestCluster cluster = TestCluster.get();
        S3Config s3 = cluster.s3.config();
        String secret = s3.secretKey().orElseThrow();
        Path dir = Files.createTempDirectory("shoal-secrets");
        Path passwords = dir.resolve("password.db");
        Files.writeString(passwords, "bob:" + BCrypt.withDefaults().hashToString(6, PASSWORD.toCharArray()) + "\n");
        Path coordinatorLog = dir.resolve("coordinator.log");
        String classpath = System.getProperty("shoal.launcherClasses", "../launcher/target/classes") + File.pathSeparator
                + Files.readString(Path.of(System.getProperty("shoal.launcherClasspathFile", "../launcher/target/classpath.txt"))).trim();
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info", "-cp", classpath, "dev.shoal.launcher.ShoalMain", "coordinator",
                "--port", "0", "--cluster-port", "0", "--default-schema", "tpch", "--catalog-url", "jdbc:sqlite:" + dir.resolve("catalog.db"),
                "--table", "tpch.nation=s3://lake/tpch/nation/", "--password-file", passwords.toString()))
                .redirectError(coordinatorLog.toFile());
        builder.environment().put("SHOAL_S3_ENDPOINT", s3.endpoint().orElseThrow());
        builder.environment().put("AWS_ACCESS_KEY_ID", s3.accessKey().orElseThrow());
        builder.environment().put("AWS_SECRET_ACCESS_KEY", secret);
        Process coordinator = builder.start();
        List<String> seen = new ArrayList<>();
        try (WorkerProcesses workers = new WorkerProcesses()) {
            BufferedReader out = new BufferedReader(new InputStreamReader(coordinator.getInputStream(), StandardCharsets.UTF_8));
            String[] started = CompletableFuture.supplyAsync(() -> {
                try {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        seen.add(line);
                        Matcher m = STARTED.matcher(line);
                        if (m.find()) {
                            return new String[] {m.group(1), m.group(2)};
                        }
                    }
                    throw new IllegalStateException("the coordinator exited before it started");
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }).get(60, TimeUnit.SECONDS);
            workers.start("sec1", Integer.parseInt(started[1]), s3);

            Properties wrong = new Properties();
            wrong.setProperty("user", "bob");
            wrong.setProperty("password", PASSWORD + "-not");
            SQLException refused = assertThrows(SQLException.class, () -> cluster.driver.connect(started[0], wrong));
            assertEquals("28000", refused.getSQLState());
            seen.add(refused.getMessage());

            Properties right = new Properties();
            right.setProperty("user", "bob");
            right.setProperty("password", PASSWORD);
            try (Connection connection = cluster.driver.connect(started[0], right)) {
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
            coordinator.destroy();
            coordinator.waitFor(20, TimeUnit.SECONDS);
            String log = Files.readString(coordinatorLog);
            assertTrue(log.contains("worker sec1") && log.contains("joined"), "the coordinator logged at INFO: " + log);
            assertFalse(workers.log("sec1").isEmpty(), "the worker logged");
            seen.add(log);
            seen.add(workers.log("sec1"));
        } finally {
            coordinator.destroyForcibly();
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
