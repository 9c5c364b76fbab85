package dev.shoal.coordinator;

import dev.shoal.coordinator.ddl.PendingWrites;
import dev.shoal.planner.distribute.DistributedPlanner;

import java.util.Optional;

/**
 * A coordinator's settings: where it serves JDBC and the cluster endpoint workers announce to,
 * the default schema, the largest estimated build side a join broadcasts, how long a worker
 * may stay silent before it is considered lost, and the warehouse prefix under which managed tables
 * go ({@code <warehouse><schema>/<table>/}) when their schema has no location, and how long a
 * write this coordinator runs stays reserved should it die ({@link PendingWrites}).
 */
public record CoordinatorConfig(String host, int jdbcPort, int clusterPort, String defaultSchema,
                                long broadcastThresholdBytes, long heartbeatTimeoutMillis, Optional<String> warehouse,
                                long writeLeaseMillis) {
    public CoordinatorConfig {
        warehouse = warehouse.map(w -> w.endsWith("/") ? w : w + "/");
    }

    public CoordinatorConfig(String host, int jdbcPort, int clusterPort, String defaultSchema,
                             long broadcastThresholdBytes, long heartbeatTimeoutMillis, Optional<String> warehouse) {
        this(host, jdbcPort, clusterPort, defaultSchema, broadcastThresholdBytes, heartbeatTimeoutMillis, warehouse,
                PendingWrites.DEFAULT_LEASE_MILLIS);
    }

    public CoordinatorConfig(String host, int jdbcPort, int clusterPort, String defaultSchema,
                             long broadcastThresholdBytes, long heartbeatTimeoutMillis) {
        this(host, jdbcPort, clusterPort, defaultSchema, broadcastThresholdBytes, heartbeatTimeoutMillis, Optional.empty());
    }

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
        return new CoordinatorConfig(host, jdbcPort, clusterPort, defaultSchema, bytes, heartbeatTimeoutMillis, warehouse,
                writeLeaseMillis);
    }

    public CoordinatorConfig withWarehouse(String location) {
        return new CoordinatorConfig(host, jdbcPort, clusterPort, defaultSchema, broadcastThresholdBytes, heartbeatTimeoutMillis,
                Optional.of(location), writeLeaseMillis);
    }

    public CoordinatorConfig withWriteLease(long millis) {
        return new CoordinatorConfig(host, jdbcPort, clusterPort, defaultSchema, broadcastThresholdBytes, heartbeatTimeoutMillis,
                warehouse, millis);
    }
}
