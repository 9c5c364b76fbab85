package dev.shoal.worker;

import dev.shoal.core.serde.PlanCodec;
import dev.shoal.core.task.ClusterActions;
import dev.shoal.core.task.TaskStatus;
import dev.shoal.core.task.WorkerAnnouncement;
import dev.shoal.exec.exchange.FlightClients;
import dev.shoal.exec.exchange.FlightEndpoint;
import dev.shoal.parquet.store.LocalObjectStore;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** A worker announces itself to the coordinator's cluster port, heartbeats, and answers the coordinator's calls. */
class WorkerServerTest {
    @Test
    void announcesHeartbeatsAndAnswersStatusCalls() throws Exception {
        BlockingQueue<WorkerAnnouncement> announcements = new LinkedBlockingQueue<>();
        try (FlightEndpoint coordinator = FlightEndpoint.start("127.0.0.1", 0, taskId -> null, Map.of(ClusterActions.ANNOUNCE, body -> {
            announcements.add(PlanCodec.read(body, WorkerAnnouncement.class));
            return new byte[0];
        }));
             WorkerServer worker = WorkerServer.start(new WorkerConfig("w-test", "127.0.0.1", 0, "127.0.0.1", coordinator.port(), 50,
                     WorkerConfig.DEFAULT_OUTPUT_BUFFER_BYTES), new LocalObjectStore());
             FlightClients clients = new FlightClients()) {
            WorkerAnnouncement first = announcements.poll(10, TimeUnit.SECONDS);
            assertNotNull(first, "the worker announced itself");
            assertEquals("w-test", first.workerId());
            assertEquals(worker.port(), first.port(), "it gives the port its tasks and exchanges are served on");
            assertEquals(0, first.runningTasks());
            assertNotNull(announcements.poll(5, TimeUnit.SECONDS), "and then heartbeats");

            byte[] status = clients.call("127.0.0.1", worker.port(), "w-test", ClusterActions.QUERY_STATUS,
                    "q-unknown".getBytes(StandardCharsets.UTF_8));
            assertEquals(List.of(), PlanCodec.readList(status, TaskStatus.class), "no tasks of a query it never ran");
        }
    }
}
