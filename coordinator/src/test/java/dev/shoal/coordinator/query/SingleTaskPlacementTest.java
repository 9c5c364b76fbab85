package dev.shoal.coordinator.query;

import dev.shoal.coordinator.cluster.WorkerNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SingleTaskPlacementTest {
    private static final WorkerNode A = new WorkerNode("worker-a", "10.0.0.1", 1);
    private static final WorkerNode B = new WorkerNode("worker-b", "10.0.0.2", 1);
    private static final WorkerNode C = new WorkerNode("worker-c", "10.0.0.3", 1);

    @Test
    void aSingleTaskGoesToTheWorkerHoldingTheLeastMemory() {
        Map<WorkerNode, Long> reserved = Map.of(A, 900L << 20, B, 100L << 20, C, 500L << 20);
        SingleTaskPlacement placement = new SingleTaskPlacement(List.of(A, B, C), reserved::get, "q1");
        assertEquals(B, placement.next());
    }

    @Test
    void equallyLoadedWorkersShareAQuerysSingleTasks() {
        // 1 MB apart is the same load: the three single tasks go to three workers.
        Map<WorkerNode, Long> reserved = Map.of(A, 1L << 20, B, 2L << 20, C, 0L);
        SingleTaskPlacement placement = new SingleTaskPlacement(List.of(A, B, C), reserved::get, "q2");
        List<WorkerNode> chosen = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            chosen.add(placement.next());
        }
        assertEquals(3, chosen.stream().distinct().count(), chosen.toString());
    }
}
