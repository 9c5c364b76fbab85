package dev.shoal.tests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Query ids, states and statistics in system.runtime.queries; SET/RESET/SHOW SESSION; the scan
 * limit that fails a query before it reads; kill_query and query_max_run_time ending a running query.
 */
class QueryLifecycleTest {
    /** Lineitem times 3125: minutes of work, so only a kill or a time limit ends it within the test's time. */
    private static final String ENDLESS = "select count(*) from lineitem, nation, nation n2, region";

    private static TestCluster cluster;
    private static Connection dana;

    @BeforeAll
    static void start() throws Exception {
        cluster = TestCluster.get();
        dana = connect("dana");
    }

    @AfterAll
    static void stop() throws Exception {
        dana.close();
    }

    private static Connection connect(String user) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        return cluster.driver.connect(cluster.coordinator.jdbcUrl(), properties);
    }

    /** The newest row of system.runtime.queries for {@code sql}: query_id, state, user, error_code, output_rows, bytes_scanned, started. */
    private static List<Object> lastRun(Connection connection, String sql) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select query_id, state, \"user\", error_code, output_rows, bytes_scanned, "
                + "started, \"end\", error_message from system.runtime.queries where query = ? order by created desc limit 1")) {
            s.setString(1, sql);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), "no row for " + sql);
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= 9; i++) {
                    row.add(rs.getObject(i));
                }
                return row;
            }
        }
    }

    private static List<Object> awaitRun(Connection connection, String sql, Predicate<List<Object>> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            List<Object> row = lastRun(connection, sql);
            if (condition.test(row) || System.nanoTime() > deadline) {
                return row;
            }
            Thread.sleep(50);
        }
    }

    /**
     * The one row's first value, read to the end of the result as a client does: a statement closed
     * after its row but before the end arrived is a query canceled, not finished.
     */
    private static String one(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            String value = rs.getString(1);
            assertFalse(rs.next());
            return value;
        }
    }

    @Test
    void aQueryHasATrinoStyleIdItsUserAndTheBytesItScanned() throws Exception {
        String sql = "select sum(l_quantity) from lineitem where l_shipdate < date '1995-01-01'";
        one(dana, sql);
        List<Object> run = lastRun(dana, sql);
        assertTrue(((String) run.get(0)).matches("\\d{8}_\\d{6}_\\d{5}_[a-z2-9]{5}"), run.toString());
        assertEquals(List.of("FINISHED", "dana"), run.subList(1, 3));
        assertNull(run.get(3));
        assertEquals(1L, run.get(4));
        long scanned = (Long) run.get(5);
        long fileBytes;
        try (var files = java.nio.file.Files.list(cluster.tableDir("lineitem"))) {
            fileBytes = files.mapToLong(f -> f.toFile().length()).sum();
        }
        // Two columns of lineitem's sixteen: more than nothing, less than the files.
        assertTrue(scanned > 0 && scanned < fileBytes / 2, scanned + " of " + fileBytes);

        one(dana, "select 1 + 1");
        assertEquals(0L, lastRun(dana, "select 1 + 1").get(5));

        // The client names itself with the source parameter.
        try (Connection tool = cluster.driver.connect(cluster.coordinator.jdbcUrl() + "/tpch?user=ivy&source=nightly-report",
                new Properties())) {
            one(tool, "select 2 + 2");
            assertEquals("nightly-report", one(tool, "select source from system.runtime.queries where query = 'select 2 + 2'"));
        }
    }

    @Test
    void sessionPropertiesAreSetShownAndReset() throws Exception {
        try (Connection connection = connect("erin"); Statement s = connection.createStatement()) {
            s.execute("set session query_max_run_time = '2h'");
            try (ResultSet rs = s.executeQuery("show session like 'query_max_run%'")) {
                assertTrue(rs.next());
                assertEquals(List.of("query_max_run_time", "2.00h", "100.00d", "varchar"),
                        List.of(rs.getString("Name"), rs.getString("Value"), rs.getString("Default"), rs.getString("Type")));
                assertTrue(rs.getString("Description").contains("canceled"));
                assertTrue(!rs.next());
            }
            s.execute("reset session query_max_run_time");
            try (ResultSet rs = s.executeQuery("show session like 'query_max_run_time'")) {
                assertTrue(rs.next());
                assertEquals("100.00d", rs.getString("Value"));
            }
            SQLException unknown = assertThrows(SQLException.class, () -> s.execute("set session query_max_scan = '1GB'"));
            assertEquals("22023", unknown.getSQLState());
            assertTrue(unknown.getMessage().contains("session property query_max_scan does not exist"), unknown.getMessage());
            SQLException bad = assertThrows(SQLException.class, () -> s.execute("set session query_max_scan_size = 'lots'"));
            assertTrue(bad.getMessage().contains("'lots' is not a value of session property query_max_scan_size"), bad.getMessage());
        }
        // Another connection's session is its own.
        assertEquals("100.00d", sessionValue(dana, "query_max_run_time"));
    }

    private static String sessionValue(Connection connection, String name) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("show session like '" + name + "'")) {
            assertTrue(rs.next());
            return rs.getString("Value");
        }
    }

    @Test
    void aQueryOverTheScanLimitFailsBeforeReadingAndSaysWhatItWouldScan() throws Exception {
        try (Connection connection = connect("frank"); Statement s = connection.createStatement()) {
            s.execute("set session query_max_scan_size = '10kB'");
            String sql = "select count(*) from lineitem";
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery(sql));
            assertEquals("54000", e.getSQLState());
            assertTrue(e.getMessage().contains("EXCEEDED_SCAN_LIMIT: Query would scan") && e.getMessage().contains("query_max_scan_size 10kB"),
                    e.getMessage());
            List<Object> run = lastRun(connection, sql);
            assertEquals(List.of("FAILED", "frank", "EXCEEDED_SCAN_LIMIT", 0L, 0L), run.subList(1, 6));
            assertNull(run.get(6), "it never started executing");
            // nation is one small file: under the limit.
            assertEquals("25", one(connection, "select count(*) from nation"));
            s.execute("set session query_max_scan_size = ''");
            assertTrue(Long.parseLong(one(connection, sql)) > 500_000);
        }
    }

    @Test
    void killQueryEndsARunningQueryWithTheMessageGiven() throws Exception {
        try (Connection victim = connect("gina"); Statement statement = victim.createStatement()) {
            CompletableFuture<Void> execution = CompletableFuture.runAsync(() -> {
                try {
                    Results.runToEnd(statement, ENDLESS);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            List<Object> running = awaitRun(dana, ENDLESS, row -> row.get(1).equals("RUNNING") && row.get(2).equals("gina"));
            assertEquals("RUNNING", running.get(1));
            String id = (String) running.get(0);
            assertTrue(Long.parseLong(one(dana, "select count(*) from system.runtime.tasks where query_id = '" + id + "'")) >= 2,
                    "the query's tasks on both workers");
            // The driver's progress API (as the shell reads it), through the shaded jar's public interface.
            Class<?> info = statement.getClass().getClassLoader().loadClass("dev.shoal.jdbc.ShoalQueryInfo");
            Object progress = ((java.util.Optional<?>) info.getMethod("queryProgress").invoke(statement)).orElseThrow();
            assertEquals(id, progress.getClass().getMethod("queryId").invoke(progress));
            assertEquals("RUNNING", progress.getClass().getMethod("state").invoke(progress));
            assertTrue((Long) progress.getClass().getMethod("totalSplits").invoke(progress) > 0, progress.toString());
            SQLException notHers = assertThrows(SQLException.class,
                    () -> dana.createStatement().execute("CALL system.runtime.kill_query(query_id => '" + id + "', message => 'mine')"));
            assertEquals("42501", notHers.getSQLState());
            try (Connection gina = connect("gina"); Statement s = gina.createStatement()) {
                s.execute("CALL system.runtime.kill_query(query_id => '" + id + "', message => 'too slow')");
            }
            ExecutionException e = assertThrows(ExecutionException.class, () -> execution.get(10, TimeUnit.SECONDS));
            SQLException killed = assertInstanceOf(SQLException.class, e.getCause().getCause());
            assertEquals("57014", killed.getSQLState());
            assertTrue(killed.getMessage().contains("Query killed. Message: too slow"), killed.getMessage());
            List<Object> ended = awaitRun(dana, ENDLESS, row -> !row.get(0).equals(id) || row.get(1).equals("CANCELED"));
            assertEquals(List.of(id, "CANCELED", "gina", "ADMINISTRATIVELY_KILLED"), ended.subList(0, 4));
            SQLException again = assertThrows(SQLException.class,
                    () -> dana.createStatement().execute("CALL system.runtime.kill_query('" + id + "')"));
            assertTrue(again.getMessage().contains("has already ended"), again.getMessage());
        }
    }

    @Test
    void aQueryPastItsRunTimeIsCanceledWithATimeoutError() throws Exception {
        try (Connection connection = connect("hank"); Statement s = connection.createStatement()) {
            s.execute("set session query_max_run_time = '1s'");
            long start = System.nanoTime();
            SQLException e = assertThrows(SQLException.class, () -> Results.runToEnd(s, ENDLESS));
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            assertEquals("HYT00", e.getSQLState());
            assertTrue(e.getMessage().contains("maximum run time limit of 1.00s"), e.getMessage());
            assertTrue(seconds < 10, seconds + " s");
            assertEquals(List.of("FAILED", "hank", "EXCEEDED_TIME_LIMIT"), lastRun(connection, ENDLESS).subList(1, 4));
        }
    }

    @Test
    void nodesListsTheCoordinatorAndBothWorkers() throws Exception {
        try (Statement s = dana.createStatement();
             ResultSet rs = s.executeQuery("select node_id, coordinator, state, node_version from system.runtime.nodes order by node_id")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getBoolean(2) + " " + rs.getString(3) + " " + rs.getString(4));
            }
            assertEquals(3, rows.size(), rows.toString());
            assertTrue(rows.get(0).startsWith("coordinator true active "), rows.toString());
            assertTrue(rows.stream().skip(1).allMatch(r -> r.contains(" false active ")), rows.toString());
        }
    }
}
