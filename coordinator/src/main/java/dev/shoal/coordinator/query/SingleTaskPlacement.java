package dev.shoal.coordinator.query;

import dev.shoal.coordinator.cluster.WorkerNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Where a query's single-task fragments (a global aggregation's final step, a sort's merge, a
 * join whose sides are single) run: on the worker holding the least memory, as its last heartbeat
 * reported it (in steps of 64 MB), and among equals on the one given fewest of this query's single tasks so far, so
 * that one query's single tasks spread out rather than pile up on one worker.
 */
final class SingleTaskPlacement {
    /** Reservations closer than this count as equal: a heartbeat's figure is a moment's. */
    static final long MEMORY_STEP_BYTES = 64L << 20;
    private final List<WorkerNode> workers;
    private final ToLongFunction<WorkerNode> reservedBytes;
    private final Map<WorkerNode, Integer> placed = new HashMap<>();
    /** Where ties start, so that concurrent queries do not all begin with the first worker. */
    private final int offset;

    SingleTaskPlacement(List<WorkerNode> workers, ToLongFunction<WorkerNode> reservedBytes, String queryId) {
        this.workers = workers;
        this.reservedBytes = reservedBytes;
        this.offset = workers.isEmpty() ? 0 : (queryId.hashCode() & 0x7fffffff) % workers.size();
    }

    WorkerNode next() {
        WorkerNode best = null;
        long bestBytes = Long.MAX_VALUE;
        int bestPlaced = Integer.MAX_VALUE;
        for (int i = 0; i < workers.size(); i++) {
            WorkerNode worker = workers.get((offset + i) % workers.size());
            long bytes = reservedBytes.applyAsLong(worker) / MEMORY_STEP_BYTES;
            int count = placed.getOrDefault(worker, 0);
            if (bytes < bestBytes || bytes == bestBytes && count < bestPlaced) {
                best = worker;
                bestBytes = bytes;
                bestPlaced = count;
            }
        }
        placed.merge(best, 1, Integer::sum);
        return best;
    }
}
