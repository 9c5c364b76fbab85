package dev.shoal.tests;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What queries' operators hold is accounted on every worker: a query reports its peak in
 * system.runtime.queries and EXPLAIN ANALYZE, and each node's pool (system.runtime.nodes'
 * reserved_memory_bytes: a worker's from its heartbeat, the coordinator's with the results it reads
 * ahead of clients) is back where it was after a query that finished,
 * failed, was canceled, or stopped early under a LIMIT: at 0 once no other query runs (the suite's
 * other classes may leave a result open, whose query holds its output buffers until it is read).
 */
class MemoryAccountingTest {
    private static final String GROUPED = "select o_custkey, count(*), sum(o_totalprice) from orders group by o_custkey";
    private static Connection shoal;
    /** What the workers held before this class's queries: other classes' queries left open. */
    private static List<Long> baseline;

    @BeforeAll
    static void connect() throws Exception {
        shoal = TestCluster.get().connect();
        try (Statement s = shoal.createStatement()) {
            // Steady across two heartbeats: nothing of this class runs yet.
            List<Long> before;
            do {
                before = workerReservations(s);
                Thread.sleep(1200);
                baseline = workerReservations(s);
            } while (!before.equals(baseline));
        }
    }

    /** The coordinator's pool (its root tasks and the results it reads ahead of clients), then each worker's. */
    private static List<Long> workerReservations(Statement s) throws SQLException {
        List<Long> reserved = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("select reserved_memory_bytes from system.runtime.nodes order by coordinator desc, node_id")) {
            while (rs.next()) {
                reserved.add(rs.getLong(1));
            }
        }
        return reserved;
    }

    /** Every worker's pool where it was before this class's queries, at a heartbeat after the statement's end. */
    private static void assertPoolsBackToZero(Statement s, String after) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        List<Long> reserved = workerReservations(s);
        while (!reserved.equals(baseline)) {
            assertTrue(System.nanoTime() < deadline, "after " + after + ", workers hold " + reserved + " (before: " + baseline
                    + "); their tasks: " + tasks(s));
            Thread.sleep(100);
            reserved = workerReservations(s);
        }
        assertEquals(3, reserved.size());
    }

    private static List<String> tasks(Statement s) throws SQLException {
        List<String> tasks = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("select t.task_id, t.state, t.peak_memory_bytes, q.state, q.query from system.runtime.tasks t "
                + "left join system.runtime.queries q on t.query_id = q.query_id")) {
            while (rs.next()) {
                tasks.add(rs.getString(1) + " " + rs.getString(2) + " peak " + rs.getLong(3) + ", query " + rs.getString(4) + ": "
                        + rs.getString(5));
            }
        }
        return tasks;
    }

    @Test
    void aQueryReportsItsPeakAndTheWorkersReleaseEverything() throws Exception {
        try (Statement s = shoal.createStatement()) {
            Results.readAll(s.executeQuery(GROUPED));
            long peak;
            try (ResultSet rs = s.executeQuery("select peak_memory_bytes from system.runtime.queries where query = '" + GROUPED
                    + "' order by created desc limit 1")) {
                assertTrue(rs.next());
                peak = rs.getLong(1);
            }
            // 150,000 orders of SF 0.1 grouped by 10,000 customers: a hash table and sums, at least a few hundred kB.
            assertTrue(peak > 100_000, "peak " + peak);
            assertPoolsBackToZero(s, "a grouped query");

            List<String> plan = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("explain analyze " + GROUPED)) {
                while (rs.next()) {
                    plan.add(rs.getString(1));
                }
            }
            assertTrue(plan.get(0).contains("peak memory"), plan.get(0));
            assertTrue(plan.stream().anyMatch(line -> line.contains("task ") && line.contains("peak memory")), plan.toString());
            // Each task names its operators that held memory, with their peaks.
            assertTrue(plan.stream().anyMatch(line -> line.contains("task ") && line.matches(".*peak memory [^;]*\\(.*HashAggregate [0-9.]+ [kMG]?B.*")), plan.toString());
        }
    }

    @Test
    void aResultReadAheadOfItsClientIsHeldOnTheCoordinatorUntilClosed() throws Exception {
        try (Statement s = shoal.createStatement()) {
            try (Statement reader = shoal.createStatement()) {
                reader.setFetchSize(100);
                ResultSet rs = reader.executeQuery("select l_orderkey, l_comment from lineitem");
                assertTrue(rs.next());
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
                long coordinator = workerReservations(s).get(0);
                while (coordinator <= baseline.get(0) && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                    coordinator = workerReservations(s).get(0);
                }
                assertTrue(coordinator > baseline.get(0), "the batches read ahead of a client that took one row are reserved");
            }
            assertPoolsBackToZero(s, "a statement closed after one row of its result");
        }
    }

    @Test
    void failedCanceledAndLimitedQueriesReleaseTheirMemory() throws Exception {
        try (Statement s = shoal.createStatement()) {
            // Fails at run time on the workers, after the aggregation has built its table.
            assertThrows(SQLException.class, () -> Results.runToEnd(s,
                    "select o_custkey, sum(o_totalprice) / (count(*) - count(*)) from orders group by o_custkey"));
            assertPoolsBackToZero(s, "a failed query");

            // Stops reading after a few rows: the sort below the limit never finishes its output.
            try (ResultSet rs = s.executeQuery("select * from (select * from lineitem order by l_comment) t limit 3")) {
                assertTrue(rs.next());
            }
            assertPoolsBackToZero(s, "a query under a LIMIT");

            try (Statement running = shoal.createStatement()) {
                CompletableFuture<Void> execution = CompletableFuture.runAsync(() -> {
                    try {
                        Results.runToEnd(running, "select count(*) from lineitem, nation, nation n2, region");
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                Thread.sleep(1500);
                long canceled = System.nanoTime();
                running.cancel();
                assertThrows(ExecutionException.class, () -> execution.get(15, TimeUnit.SECONDS));
                assertPoolsBackToZero(s, "a canceled query");
                // Seen at a heartbeat: up to one heartbeat period after the memory was freed.
                System.out.printf("MemoryAccountingTest: workers' pools back %d ms after the cancel%n",
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - canceled));
            }
        }
    }
}
