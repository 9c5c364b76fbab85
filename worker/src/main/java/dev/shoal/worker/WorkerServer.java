package dev.shoal.worker;

import dev.shoal.core.ShoalVersion;
import dev.shoal.core.serde.PlanCodec;
import dev.shoal.core.task.ClusterActions;
import dev.shoal.core.task.WorkerAnnouncement;
import dev.shoal.exec.exchange.ActionHandler;
import dev.shoal.exec.exchange.FlightClients;
import dev.shoal.exec.exchange.FlightEndpoint;
import dev.shoal.exec.pipeline.DriverPool;
import dev.shoal.exec.task.TaskExecutor;
import dev.shoal.exec.task.TaskManager;
import dev.shoal.parquet.store.ObjectStore;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A worker: one Flight endpoint serving task creation, cancellation and statistics, and the
 * output streams of its tasks; an announcer heartbeating to the coordinator. The same class runs
 * as its own process ({@code shoal worker}) and inside {@code shoal local}, over loopback.
 */
public final class WorkerServer implements AutoCloseable {
    private final String workerId;
    private final FlightClients clients;
    private final TaskManager tasks;
    private final FlightEndpoint endpoint;
    private final Announcer announcer;
    private final DriverPool drivers;

    private WorkerServer(String workerId, FlightClients clients, TaskManager tasks, FlightEndpoint endpoint, Announcer announcer,
                         DriverPool drivers) {
        this.drivers = drivers;
        this.workerId = workerId;
        this.clients = clients;
        this.tasks = tasks;
        this.endpoint = endpoint;
        this.announcer = announcer;
    }

    public static WorkerServer start(WorkerConfig config, ObjectStore store) {
        FlightClients clients = new FlightClients();
        DriverPool drivers = new DriverPool(config.driverThreads());
        TaskManager tasks = new TaskManager(config.workerId(), new TaskExecutor(store, clients, drivers, config.taskConcurrency()),
                config.outputBufferBytes());
        Map<String, ActionHandler> actions = Map.of(
                ClusterActions.CREATE_TASK, body -> {
                    tasks.create(PlanCodec.decodeTask(body));
                    return new byte[0];
                },
                ClusterActions.CANCEL_QUERY, body -> PlanCodec.write(tasks.cancelQuery(new String(body, StandardCharsets.UTF_8))),
                ClusterActions.QUERY_STATUS, body -> PlanCodec.write(tasks.status(new String(body, StandardCharsets.UTF_8))),
                ClusterActions.ALL_TASKS_STATUS, body -> PlanCodec.write(tasks.statusAll()));
        FlightEndpoint endpoint = FlightEndpoint.start(config.host(), config.port(), tasks, actions);
        Announcer announcer = new Announcer(clients, config.coordinatorHost(), config.coordinatorPort(),
                () -> new WorkerAnnouncement(config.workerId(), config.host(), endpoint.port(), tasks.runningTasks(),
                        tasks.memory().reservedBytes(), ShoalVersion.VERSION),
                config.heartbeatMillis(), tasks::cancelAll);
        announcer.start();
        return new WorkerServer(config.workerId(), clients, tasks, endpoint, announcer, drivers);
    }

    public String workerId() {
        return workerId;
    }

    public int port() {
        return endpoint.port();
    }

    @Override
    public void close() {
        announcer.close();
        tasks.close();
        drivers.close();
        endpoint.close();
        clients.close();
    }
}
