package dev.shoal.tests;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Planning stays bounded as statements nest deeper and join more relations (nested IN subqueries
 * had made each level of nesting double the planner's work), and a statement given up while it is
 * planned (its time limit, a cancel) stops there, without ever starting on the workers.
 */
class PlanningBoundsTest {
    private static String nestedIn(int depth) {
        String inner = "select n_nationkey from nation";
        for (int i = 0; i < depth; i++) {
            inner = "select n_nationkey from nation where n_nationkey in (" + inner + ")";
        }
        return "select count(*) from (" + inner + ")";
    }

    private static String joinChain(int relations) {
        StringBuilder sql = new StringBuilder("select count(*) from nation n0");
        for (int i = 1; i < relations; i++) {
            sql.append(" join nation n").append(i).append(" on n").append(i).append(".n_nationkey = n").append(i - 1).append(".n_nationkey");
        }
        return sql.toString();
    }

    @Test
    void nestedInSubqueriesAndJoinChainsPlanAndAnswer() throws Exception {
        try (Connection shoal = TestCluster.get().connect(); Statement s = shoal.createStatement()) {
            for (int depth : new int[] {20, 40, 100}) {
                long start = System.nanoTime();
                try (ResultSet rs = s.executeQuery(nestedIn(depth))) {
                    rs.next();
                    assertEquals(25, rs.getLong(1));
                }
                System.out.printf("IN nested %d deep: %d ms%n", depth, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            }
            for (int relations : new int[] {20, 40, 100}) {
                long start = System.nanoTime();
                try (ResultSet rs = s.executeQuery(joinChain(relations))) {
                    rs.next();
                    assertEquals(25, rs.getLong(1));
                }
                System.out.printf("join of %d relations: %d ms%n", relations, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            }
        }
    }

    /** A 400-way join takes seconds to plan: long enough to be stopped halfway. */
    private static final String SLOW_TO_PLAN = joinChain(400);

    /** The state and whether it ever started running, of the newest run of {@code sql}. */
    private static List<Object> lastRun(Connection connection, String sql) throws Exception {
        try (PreparedStatement s = connection.prepareStatement("select state, error_code, started, planning_time_ms "
                + "from system.runtime.queries where query = ? order by created desc limit 1")) {
            s.setString(1, sql);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), "no row for the statement");
                return Arrays.asList(rs.getString(1), rs.getString(2), rs.getTimestamp(3), rs.getLong(4));
            }
        }
    }

    @Test
    void theTimeLimitStopsAStatementWhilePlanningIt() throws Exception {
        try (Connection shoal = TestCluster.get().connect(); Statement s = shoal.createStatement()) {
            s.execute("set session query_max_run_time = '300ms'");
            SQLException e = assertThrows(SQLException.class, () -> Results.runToEnd(s, SLOW_TO_PLAN));
            assertEquals("HYT00", e.getSQLState(), e.getMessage());
            s.execute("reset session query_max_run_time");
            List<Object> run = lastRun(shoal, SLOW_TO_PLAN);
            assertEquals(List.of("FAILED", "EXCEEDED_TIME_LIMIT"), run.subList(0, 2));
            assertNull(run.get(2), "stopped while planning: it never started running, " + run);
        }
    }

    /**
     * The same join written with a WHERE of 399 equalities, on a coordinator that has not planned it
     * before: Calcite converts the clause recursively, which overflowed a request thread's stack before
     * the JIT made its frames smaller, and wrapped what it caught (that overflow, or the time limit's
     * stop) in an error of its own: the client got an INTERNAL_ERROR quoting the whole clause.
     */
    @Test
    void aStopInsideCalcitesConversionIsStillTheTimeLimit() throws Exception {
        StringBuilder sql = new StringBuilder("select count(*) from nation n0");
        StringBuilder where = new StringBuilder(" where n0.n_nationkey = n1.n_nationkey");
        for (int i = 1; i < 400; i++) {
            sql.append(", nation n").append(i);
            if (i > 1) {
                where.append(" and n").append(i - 1).append(".n_nationkey = n").append(i).append(".n_nationkey");
            }
        }
        String commaJoin = sql.append(where).toString();
        try (Connection shoal = TestCluster.get().connect(); Statement s = shoal.createStatement()) {
            for (String limit : List.of("300ms", "1s", "2s")) {
                s.execute("set session query_max_run_time = '" + limit + "'");
                SQLException e = assertThrows(SQLException.class, () -> Results.runToEnd(s, commaJoin));
                assertEquals("HYT00", e.getSQLState(), limit + ": " + e.getMessage().substring(0, Math.min(300, e.getMessage().length())));
                assertTrue(e.getMessage().startsWith("EXCEEDED_TIME_LIMIT: "), e.getMessage().substring(0, 100));
            }
            s.execute("reset session query_max_run_time");
        }
    }

    @Test
    void cancelStopsAStatementWhilePlanningIt() throws Exception {
        try (Connection shoal = TestCluster.get().connect(); Statement s = shoal.createStatement()) {
            // Its own text, to find its run; no WHERE: simplifying a 400-term AND is one long rule, which a cancel waits out.
            String sql = SLOW_TO_PLAN.replace("select count(*)", "select count(*) as counted_until_canceled");
            CompletableFuture<Long> execution = CompletableFuture.supplyAsync(() -> {
                try {
                    return Results.runToEnd(s, sql);
                } catch (SQLException e) {
                    throw new CompletionException(e);
                }
            });
            Thread.sleep(300);
            s.cancel();
            ExecutionException failed = assertThrows(ExecutionException.class, () -> execution.get(30, TimeUnit.SECONDS));
            SQLException e = assertInstanceOf(SQLException.class, failed.getCause());
            assertEquals("57014", e.getSQLState(), e.getMessage());
            List<Object> run = lastRun(shoal, sql);
            assertEquals(List.of("CANCELED", "QUERY_CANCELED"), Arrays.asList(run.get(0), run.get(1)).subList(0, 2));
            assertNull(run.get(2), "stopped while planning: it never started running, " + run);
        }
    }
}
