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
 * that is down or restarting is retried at the same pace; the worker keeps serving meanwhile, but
 * once it has been unreachable for {@code lostAfterMillis}, {@code onLost} runs: its queries died
 * with it, so their tasks should stop rather than run (and write) for nobody.
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
    private final Runnable onLost;
    private final long lostAfterMillis;
    private volatile boolean reachable = true;
    /** When the coordinator first failed to answer since it last did; 0 while it answers, -1 once onLost ran. */
    private long unreachableSince;

    Announcer(FlightClients clients, String host, int port, Supplier<WorkerAnnouncement> announcement, long periodMillis,
              Runnable onLost) {
        this.clients = clients;
        this.host = host;
        this.port = port;
        this.announcement = announcement;
        this.periodMillis = periodMillis;
        this.onLost = onLost;
        this.lostAfterMillis = Math.max(2_500, 5 * periodMillis);
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
            unreachableSince = 0;
        } catch (RuntimeException e) {
            if (reachable) {
                LOG.warn("cannot reach the coordinator at {}:{}: {}", host, port, e.getMessage());
            }
            reachable = false;
            long now = System.currentTimeMillis();
            if (unreachableSince == 0) {
                unreachableSince = now;
            } else if (unreachableSince > 0 && now - unreachableSince >= lostAfterMillis) {
                LOG.warn("coordinator at {}:{} unreachable for {} ms: stopping its tasks", host, port, now - unreachableSince);
                unreachableSince = -1;
                onLost.run();
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
