package dev.shoal.tests;

import dev.shoal.coordinator.Coordinator;
import dev.shoal.coordinator.CoordinatorConfig;
import dev.shoal.tests.oracle.ResultRows;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A coordinator and two worker JVMs (`shoal worker`), S3Proxy and the shaded JDBC driver: rows
 * cross real Flight exchanges between processes. Statistics from EXPLAIN ANALYZE prove where
 * they went; DuckDB on the same files checks the answers; a worker killed with SIGKILL fails the
 * running query promptly, naming the worker, and the next query runs on the survivor.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistributedExecutionTest {
    private static final Pattern DROPPED = Pattern.compile("read \\d+ files, (\\d+) rows, [^;(]*\\((\\d+) dropped by dynamic filters\\)");
    private static final Pattern TASK_LINE = Pattern.compile(
            "task (\\S+) on (\\S+) \\S+: read \\d+ files, (\\d+) rows.*?received (\\d+) rows.*?sent (\\d+) rows");

    private static TestCluster cluster;
    private static Coordinator coordinator;
    private static WorkerProcesses workers;
    private static Connection shoal;
    private static Connection duck;

    @BeforeAll
    static void start() throws Exception {
        cluster = TestCluster.get();
        CoordinatorConfig config = new CoordinatorConfig("127.0.0.1", 0, 0, "tpch",
                TestCluster.BROADCAST_THRESHOLD_BYTES, 3000);
        coordinator = Coordinator.start(config, cluster.catalog, cluster.stores);
        workers = new WorkerProcesses();
        workers.start("w1", coordinator.clusterPort(), cluster.s3.config());
        workers.start("w2", coordinator.clusterPort(), cluster.s3.config());
        coordinator.awaitWorkers(2, Duration.ofSeconds(60));
        shoal = cluster.driver.connect(coordinator.jdbcUrl(), new Properties());
        duck = DuckDbOracle.open(cluster);
    }

    @AfterAll
    static void stop() throws Exception {
        if (shoal != null) {
            shoal.close();
        }
        if (duck != null) {
            duck.close();
        }
        if (workers != null) {
            workers.close();
        }
        if (coordinator != null) {
            coordinator.close();
        }
    }

    @Test
    @Order(1)
    void groupByRowsCrossAHashExchangeOnBothWorkers() throws Exception {
        String sql = "select l_returnflag, l_linestatus, count(*), sum(l_quantity), avg(l_discount) "
                + "from lineitem group by l_returnflag, l_linestatus";
        assertSameAsDuckDb(sql);
        List<String> analyzed = lines("explain analyze " + sql);
        String planning = analyzed.stream().filter(line -> line.startsWith("Planning: ")).findFirst().orElseThrow();
        for (String phase : List.of("parse", "validate", "convert", "subqueries", "rewrite", "join conditions", "translate", "distribute")) {
            assertTrue(planning.contains(phase + " "), "EXPLAIN ANALYZE times each planning phase: " + planning);
        }
        List<TaskLine> partial = tasksOfFragmentWithOutput(analyzed, "output HASH");
        assertEquals(List.of("w1", "w2"), partial.stream().map(TaskLine::worker).sorted().toList(), String.join("\n", analyzed));
        for (TaskLine task : partial) {
            assertTrue(task.rowsRead() > 0 && task.rowsSent() > 0, "each worker scanned and shuffled: " + task);
        }
        List<TaskLine> merge = tasksOfFragmentWithOutput(analyzed, "output GATHER");
        assertEquals(2, merge.size(), String.join("\n", analyzed));
        assertEquals(partial.stream().mapToLong(TaskLine::rowsSent).sum(), merge.stream().mapToLong(TaskLine::rowsReceived).sum(),
                "every partial row reached a final aggregation");
    }

    @Test
    @Order(2)
    void lineitemJoinNationIsBroadcast() throws Exception {
        String sql = "select n_name, count(*), sum(l_extendedprice) from lineitem join nation on l_suppkey = n_nationkey "
                + "group by n_name";
        String plan = String.join("\n", lines("explain " + sql));
        assertTrue(plan.contains("Join[INNER, BROADCAST]"), plan);
        assertTrue(plan.contains("output: BROADCAST"), plan);
        assertEquals(plan, String.join("\n", lines("explain (type distributed, format text) " + sql)));
        String logical = String.join("\n", lines("explain (type logical) " + sql));
        assertTrue(logical.contains("Join[INNER") && !logical.contains("BROADCAST") && !logical.contains("Fragment"), logical);
        assertSameAsDuckDb(sql);
        List<String> analyzed = lines("explain analyze " + sql);
        List<TaskLine> probe = tasksOfFragmentWithOutput(analyzed, "output HASH");
        assertEquals(2, probe.size());
        assertTrue(probe.stream().allMatch(t -> t.rowsReceived() == 25), "each probe task received all of nation: " + probe);
        // nation is one small file, one split: one task reads it, rather than one per worker with the second reading nothing.
        List<TaskLine> build = tasksOfFragmentWithOutput(analyzed, "output BROADCAST");
        assertEquals(1, build.size(), String.join("\n", analyzed));
        assertEquals(25, build.get(0).rowsRead());
    }

    @Test
    @Order(3)
    void lineitemJoinOrdersIsPartitioned() throws Exception {
        String sql = "select o_orderpriority, count(*), sum(l_quantity) from lineitem join orders on l_orderkey = o_orderkey "
                + "group by o_orderpriority";
        String plan = String.join("\n", lines("explain " + sql));
        assertTrue(plan.contains("Join[INNER, PARTITIONED]"), plan);
        assertTrue(plan.contains("output: HASH[$0]"), plan);
        assertSameAsDuckDb(sql);
    }

    @Test
    @Order(3)
    void existsOverFewOrdersFiltersTheLineitemScanBeforeItsShuffle() throws Exception {
        // A month of orders is broadcast to the EXISTS join; each worker's join hands its order keys
        // to the lineitem scan on the same worker, which drops the other lines before the DISTINCT.
        String sql = "select o_orderpriority, count(*) from orders where o_orderdate >= date '1993-01-01' "
                + "and o_orderdate < date '1993-02-01' and exists (select * from lineitem "
                + "where l_orderkey = o_orderkey and l_commitdate < l_receiptdate) group by o_orderpriority";
        String plan = String.join("\n", lines("explain " + sql));
        assertTrue(plan.contains("publishes df0") && plan.contains("DynamicFilter [$0 in df0[0]]"), plan);
        assertSameAsDuckDb(sql);
        List<String> analyzed = lines("explain analyze " + sql);
        long lineitemRows = scalar("select count(*) from lineitem");
        long read = 0;
        long dropped = 0;
        for (String line : analyzed) {
            Matcher m = DROPPED.matcher(line);
            if (m.find()) {
                read += Long.parseLong(m.group(1));
                dropped += Long.parseLong(m.group(2));
            }
        }
        assertEquals(lineitemRows, read, "both workers' scans are filtered: " + String.join("\n", analyzed));
        assertTrue(dropped > lineitemRows * 9 / 10, "a month of orders keeps few lines: " + String.join("\n", analyzed));
    }

    private static long scalar(String sql) throws SQLException {
        try (Statement statement = shoal.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

    @Test
    @Order(3)
    void largeTopNResultIsDealtRoundRobinToBothWorkers() throws Exception {
        String sql = "select l_returnflag, count(*), sum(l_quantity) from "
                + "(select * from lineitem order by l_orderkey, l_linenumber limit 50000) t group by l_returnflag";
        assertSameAsDuckDb(sql);
        List<String> analyzed = lines("explain analyze " + sql);
        List<TaskLine> partial = tasksOfFragmentWithOutput(analyzed, "output HASH");
        assertEquals(List.of("w1", "w2"), partial.stream().map(TaskLine::worker).sorted().toList(), String.join("\n", analyzed));
        assertEquals(50000, partial.stream().mapToLong(TaskLine::rowsReceived).sum(), String.join("\n", analyzed));
        assertTrue(partial.stream().allMatch(t -> t.rowsReceived() > 0), "both workers got a share: " + partial);
    }

    @Test
    @Order(4)
    void closingAStatementMidStreamStopsTheTasksOnEveryWorker() throws Exception {
        try (Statement statement = shoal.createStatement()) {
            statement.setFetchSize(100);
            ResultSet rs = statement.executeQuery("select l.*, o.*, n_name from lineitem l join orders o on l_orderkey = o_orderkey, nation");
            assertTrue(rs.next());
            awaitRunningTasks(true);
        }
        awaitRunningTasks(false);
    }

    /** Waits (heartbeats report every 500 ms) until some worker runs tasks, or until none does. */
    private static void awaitRunningTasks(boolean some) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            int running = coordinator.workers().runningTasks("w1") + coordinator.workers().runningTasks("w2");
            if ((running > 0) == some) {
                return;
            }
            Thread.sleep(100);
        }
        String state = " (live: " + coordinator.workers().liveWorkers() + ", running tasks w1="
                + coordinator.workers().runningTasks("w1") + " w2=" + coordinator.workers().runningTasks("w2") + ")";
        throw new AssertionError((some ? "no worker reported running tasks" : "tasks still running on workers 10 s after close") + state);
    }

    @Test
    @Order(5)
    void killedWorkerFailsTheQueryPromptlyAndTheNextRunsOnTheSurvivor() throws Exception {
        try (Statement statement = shoal.createStatement()) {
            statement.setFetchSize(100);
            // 1.5 million wide rows: far more than the output buffers hold, so both workers are mid-query.
            ResultSet rs = statement.executeQuery("select l.*, o.*, n_name from lineitem l join orders o on l_orderkey = o_orderkey, nation");
            assertTrue(rs.next());
            workers.kill("w2");
            long killed = System.nanoTime();
            SQLException e = assertThrows(SQLException.class, () -> {
                while (rs.next()) {
                    // Reading on until the loss surfaces.
                }
            });
            long seconds = (System.nanoTime() - killed) / 1_000_000_000;
            assertTrue(seconds < 10, "failed after " + seconds + " s");
            assertTrue(e.getMessage().contains("w2"), e.getMessage());
        }
        assertSameAsDuckDb("select l_returnflag, count(*) from lineitem group by l_returnflag");
        List<TaskLine> tasks = tasksOfFragmentWithOutput(lines(
                "explain analyze select l_returnflag, count(*) from lineitem group by l_returnflag"), "output HASH");
        assertEquals(List.of("w1"), tasks.stream().map(TaskLine::worker).toList());
    }

    private record TaskLine(String task, String worker, long rowsRead, long rowsReceived, long rowsSent) {
    }

    /** The task lines of the fragments whose header contains {@code output}. */
    private static List<TaskLine> tasksOfFragmentWithOutput(List<String> lines, String output) {
        List<TaskLine> tasks = new ArrayList<>();
        boolean inFragment = false;
        for (String line : lines) {
            if (line.startsWith("Fragment ")) {
                inFragment = line.contains(output);
                continue;
            }
            Matcher m = TASK_LINE.matcher(line);
            if (inFragment && m.find()) {
                tasks.add(new TaskLine(m.group(1), m.group(2), Long.parseLong(m.group(3)), Long.parseLong(m.group(4)),
                        Long.parseLong(m.group(5))));
            }
        }
        return tasks;
    }

    private static List<String> lines(String sql) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement statement = shoal.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        }
        return lines;
    }

    private static void assertSameAsDuckDb(String sql) throws SQLException {
        ResultRows actual;
        try (Statement statement = shoal.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            actual = ResultRows.read(rs);
        }
        ResultRows expected;
        try (Statement statement = duck.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            expected = ResultRows.read(rs);
        }
        assertTrue(!expected.rows().isEmpty());
        String difference = ResultRows.difference(actual.sorted(), expected.sorted());
        assertNull(difference, sql + ": " + difference);
    }
}
