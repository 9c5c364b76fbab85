package dev.shoal.coordinator;

import dev.shoal.planner.distribute.DistributedPlanner;

/**
 * A coordinator's settings: where it serves JDBC and the cluster endpoint workers announce to,
 * the default schema, the largest estimated build side a join broadcasts, and how long a worker
 * may stay silent before it is considered lost.
 */
public record CoordinatorConfig(String host, int jdbcPort, int clusterPort, String defaultSchema,
                                long broadcastThresholdBytes, long heartbeatTimeoutMillis) {
    public static final int DEFAULT_JDBC_PORT = 8765;
    public static final int DEFAULT_CLUSTER_PORT = 8766;
    /** Trino's default is 100 MB; on 2 cores a broadcast to each worker is costlier, hence lower. */
    public static final long DEFAULT_BROADCAST_THRESHOLD_BYTES = DistributedPlanner.DEFAULT_BROADCAST_THRESHOLD_BYTES;
    public static final long DEFAULT_HEARTBEAT_TIMEOUT_MILLIS = 5000;

    public static CoordinatorConfig defaults(String host, int jdbcPort, int clusterPort, String defaultSchema) {
        return new CoordinatorConfig(host, jdbcPort, clusterPort, defaultSchema, DEFAULT_BROADCAST_THRESHOLD_BYTES,
                DEFAULT_HEARTBEAT_TIMEOUT_MILLIS);
    }

    public CoordinatorConfig withBroadcastThreshold(long bytes) {
        return new CoordinatorConfig(host, jdbcPort, clusterPort, defaultSchema, bytes, heartbeatTimeoutMillis);
    }
}
