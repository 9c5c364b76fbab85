package dev.shoal.worker;

import dev.shoal.core.serde.PlanCodec;
import dev.shoal.core.task.ClusterActions;
import dev.shoal.core.task.WorkerAnnouncement;
import dev.shoal.exec.exchange.FlightClients;
import dev.shoal.exec.exchange.Threads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Announces the worker to the coordinator at start and then every heartbeat period. A coordinator
 * that is down or restarting is retried at the same pace; the worker keeps serving meanwhile.
 */
final class Announcer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Announcer.class);

    private final FlightClients clients;
    private final String host;
    private final int port;
    private final Supplier<WorkerAnnouncement> announcement;
    private final long periodMillis;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Threads.daemon("shoal-heartbeat"));
    private volatile boolean reachable = true;

    Announcer(FlightClients clients, String host, int port, Supplier<WorkerAnnouncement> announcement, long periodMillis) {
        this.clients = clients;
        this.host = host;
        this.port = port;
        this.announcement = announcement;
        this.periodMillis = periodMillis;
    }

    void start() {
        timer.scheduleWithFixedDelay(this::announce, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    private void announce() {
        try {
            clients.call(host, port, "coordinator", ClusterActions.ANNOUNCE, PlanCodec.write(announcement.get()));
            if (!reachable) {
                LOG.info("coordinator at {}:{} reachable again", host, port);
            }
            reachable = true;
        } catch (RuntimeException e) {
            if (reachable) {
                LOG.warn("cannot reach the coordinator at {}:{}: {}", host, port, e.getMessage());
            }
            reachable = false;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
