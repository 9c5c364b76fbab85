package dev.shoal.coordinator.cluster;

import dev.shoal.core.task.TaskId;
import dev.shoal.core.task.TaskLocation;

/** A worker the coordinator knows: its id and exchange endpoint. */
public record WorkerNode(String id, String host, int port) {
    public String describe() {
        return id + " (" + host + ":" + port + ")";
    }

    public TaskLocation location(TaskId taskId) {
        return new TaskLocation(id, host, port, taskId);
    }
}
