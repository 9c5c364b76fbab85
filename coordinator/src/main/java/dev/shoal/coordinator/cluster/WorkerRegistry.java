package dev.shoal.coordinator.cluster;

import dev.shoal.core.task.WorkerAnnouncement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The workers that announced themselves, and whether each is alive: a worker is alive while its
 * heartbeats keep arriving within the timeout and no query has found it gone. A worker that
 * announces again is alive again.
 */
public final class WorkerRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerRegistry.class);

    private final long timeoutMillis;
    private final Map<String, Entry> workers = new ConcurrentHashMap<>();

    private record Entry(WorkerNode node, long lastSeenMillis, int runningTasks, long reservedMemoryBytes, boolean lost, String version) {
    }

    /** A worker as system.runtime.nodes shows it, with the memory its tasks held at its last heartbeat. */
    public record NodeView(WorkerNode node, String version, boolean alive, long reservedMemoryBytes) {
    }

    public WorkerRegistry(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    public void announce(WorkerAnnouncement announcement) {
        WorkerNode node = new WorkerNode(announcement.workerId(), announcement.host(), announcement.port());
        Entry previous = workers.put(node.id(), new Entry(node, System.currentTimeMillis(), announcement.runningTasks(),
                announcement.reservedMemoryBytes(), false, announcement.version()));
        if (previous == null || previous.lost() || !previous.node().equals(node)) {
            LOG.info("worker {} joined", node.describe());
        }
    }

    /** Marks a worker gone at once (a query could not reach it), without waiting for the heartbeat timeout. */
    public void markLost(String workerId, String reason) {
        workers.computeIfPresent(workerId, (id, entry) -> {
            if (!entry.lost()) {
                LOG.warn("worker {} lost: {}", entry.node().describe(), reason);
            }
            return new Entry(entry.node(), entry.lastSeenMillis(), entry.runningTasks(), entry.reservedMemoryBytes(), true, entry.version());
        });
    }

    public boolean isAlive(String workerId) {
        Entry entry = workers.get(workerId);
        return entry != null && alive(entry);
    }

    /** Tasks the worker said it was running at its last heartbeat. */
    public int runningTasks(String workerId) {
        Entry entry = workers.get(workerId);
        return entry == null ? 0 : entry.runningTasks();
    }

    /** Bytes the worker's memory pool held at its last heartbeat. */
    public long reservedMemoryBytes(String workerId) {
        Entry entry = workers.get(workerId);
        return entry == null ? 0 : entry.reservedMemoryBytes();
    }

    /** Milliseconds since the worker's last heartbeat. */
    public long silenceMillis(String workerId) {
        Entry entry = workers.get(workerId);
        return entry == null ? Long.MAX_VALUE : System.currentTimeMillis() - entry.lastSeenMillis();
    }

    /** Live workers, in id order (so task placement is stable from query to query). */
    public List<WorkerNode> liveWorkers() {
        return workers.values().stream().filter(this::alive).map(Entry::node)
                .sorted(Comparator.comparing(WorkerNode::id)).toList();
    }

    /** Every worker that announced itself, alive or not, in id order. */
    public List<NodeView> nodes() {
        return workers.values().stream().map(e -> new NodeView(e.node(), e.version(), alive(e), e.reservedMemoryBytes()))
                .sorted(Comparator.comparing(view -> view.node().id())).toList();
    }

    private boolean alive(Entry entry) {
        return !entry.lost() && System.currentTimeMillis() - entry.lastSeenMillis() <= timeoutMillis;
    }

    public long timeoutMillis() {
        return timeoutMillis;
    }
}
