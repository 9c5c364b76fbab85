package dev.shoal.coordinator.lifecycle;

import dev.shoal.catalog.history.QueryRecord;
import dev.shoal.coordinator.auth.Authenticator;
import dev.shoal.coordinator.cluster.WorkerNode;
import dev.shoal.coordinator.cluster.WorkerRegistry;
import dev.shoal.core.ShoalVersion;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.core.serde.PlanCodec;
import dev.shoal.core.task.ClusterActions;
import dev.shoal.core.task.TaskStatus;
import dev.shoal.core.type.DataType;
import dev.shoal.exec.exchange.FlightClients;
import dev.shoal.planner.Session;
import dev.shoal.planner.calcite.SystemTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Trino's {@code system.runtime} tables over the coordinator's state: {@code queries} (the
 * tracker's running and ended queries, with Shoal's rows and bytes scanned), {@code nodes} (this
 * coordinator and every worker that announced itself) and {@code tasks} (what each live worker holds now).
 */
public final class SystemTables {
    private static final String RUNTIME = "runtime";
    private static final List<ScanColumn> QUERIES = List.of(varchar("query_id"), varchar("state"), varchar("user"), varchar("source"),
            varchar("query"), bigint("queued_time_ms"), bigint("analysis_time_ms"), bigint("planning_time_ms"), timestamp("created"),
            timestamp("started"), timestamp("last_heartbeat"), timestamp("end"), varchar("error_type"), varchar("error_code"),
            varchar("error_message"), bigint("output_rows"), bigint("bytes_scanned"), bigint("peak_memory_bytes"));
    private static final List<ScanColumn> NODES = List.of(varchar("node_id"), varchar("http_uri"), varchar("node_version"),
            new ScanColumn("coordinator", DataType.BOOLEAN), varchar("state"), bigint("reserved_memory_bytes"));
    private static final List<ScanColumn> TASKS = List.of(varchar("node_id"), varchar("task_id"), varchar("stage_id"),
            varchar("query_id"), varchar("state"), bigint("raw_input_rows"), bigint("raw_input_bytes"), bigint("files_read"),
            bigint("processed_input_rows"), bigint("processed_input_bytes"), bigint("output_rows"), bigint("output_bytes"),
            bigint("peak_buffered_bytes"), bigint("peak_memory_bytes"), bigint("elapsed_ms"));

    private SystemTables() {
    }

    private static ScanColumn varchar(String name) {
        return new ScanColumn(name, DataType.VARCHAR);
    }

    private static ScanColumn bigint(String name) {
        return new ScanColumn(name, DataType.BIGINT);
    }

    private static ScanColumn timestamp(String name) {
        return new ScanColumn(name, DataType.TIMESTAMP);
    }

    /**
     * {@code coordinatorUri}: where this coordinator serves JDBC, as nodes shows it. With
     * authentication on, a user sees only their own queries, unless an admin.
     */
    public static List<SystemTable> of(QueryTracker tracker, WorkerRegistry registry, FlightClients clients, String coordinatorUri,
                                       Authenticator authenticator, LongSupplier coordinatorReservedBytes) {
        return List.of(new SystemTable(RUNTIME, "queries", QUERIES, session -> queries(tracker, visibleTo(session, authenticator))),
                new SystemTable(RUNTIME, "nodes", NODES, session -> nodes(registry, coordinatorUri, coordinatorReservedBytes)),
                new SystemTable(RUNTIME, "tasks", TASKS, session -> tasks(registry, clients)));
    }

    /** Whose queries a session sees: everyone's without authentication (names are only claims then) or for an admin. */
    private static Predicate<String> visibleTo(Session session, Authenticator authenticator) {
        if (session == null || !authenticator.isEnabled() || authenticator.isAdmin(session.user())) {
            return user -> true;
        }
        return session.user()::equals;
    }

    private static List<List<Object>> queries(QueryTracker tracker, Predicate<String> visible) {
        List<List<Object>> rows = new ArrayList<>();
        for (QueryRecord q : tracker.queries()) {
            if (!visible.test(q.user())) {
                continue;
            }
            rows.add(Arrays.asList(q.queryId(), q.state(), q.user(), q.source(), q.query(), q.queuedMillis(), q.analysisMillis(),
                    q.planningMillis(), q.created(), q.started(), q.lastHeartbeat(), q.end(), q.errorType(), q.errorCode(),
                    q.errorMessage(), q.rows(), q.bytesScanned(), q.peakMemoryBytes()));
        }
        return rows;
    }

    private static List<List<Object>> nodes(WorkerRegistry registry, String coordinatorUri, LongSupplier coordinatorReservedBytes) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Arrays.asList("coordinator", coordinatorUri, ShoalVersion.VERSION, true, "active", coordinatorReservedBytes.getAsLong()));
        for (WorkerRegistry.NodeView node : registry.nodes()) {
            rows.add(Arrays.asList(node.node().id(), "grpc://" + node.node().host() + ":" + node.node().port(), node.version(), false,
                    node.alive() ? "active" : "inactive", node.reservedMemoryBytes()));
        }
        return rows;
    }

    private static List<List<Object>> tasks(WorkerRegistry registry, FlightClients clients) {
        List<TaskStatus> statuses = new ArrayList<>();
        for (WorkerNode worker : registry.liveWorkers()) {
            try {
                statuses.addAll(PlanCodec.readList(clients.call(worker.host(), worker.port(), worker.describe(),
                        ClusterActions.ALL_TASKS_STATUS, new byte[0]), TaskStatus.class));
            } catch (RuntimeException e) {
                // A worker that does not answer now has no tasks to show; nodes says whether it is still there.
            }
        }
        statuses.sort(Comparator.comparing(TaskStatus::taskId));
        List<List<Object>> rows = new ArrayList<>();
        for (TaskStatus t : statuses) {
            rows.add(Arrays.asList(t.workerId(), t.taskId().toString(), t.taskId().queryId() + "." + t.fragmentId(), t.taskId().queryId(),
                    t.state().name(), t.rowsRead(), t.bytesRead(), t.filesRead(), t.rowsRead() + t.rowsReceived(),
                    t.bytesRead() + t.bytesReceived(), t.rowsSent(), t.bytesSent(), t.peakBufferedBytes(), t.peakMemoryBytes(),
                    t.elapsedMillis()));
        }
        return rows;
    }
}
