package dev.shoal.coordinator;

import dev.shoal.coordinator.auth.SecurityConfig;
import dev.shoal.coordinator.ddl.PendingWrites;
import dev.shoal.coordinator.lifecycle.QueryLimits;
import dev.shoal.core.session.SessionProperties;
import dev.shoal.core.session.SessionProperty;
import dev.shoal.planner.distribute.DistributedPlanner;
import io.airlift.units.DataSize;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A coordinator's settings: where it serves JDBC and the cluster endpoint workers announce to,
 * the default schema, the largest estimated build side a join broadcasts, how long a worker
 * may stay silent before it is considered lost, and the warehouse prefix under which managed tables
 * go ({@code <warehouse><schema>/<table>/}) when their schema has no location, and how long a
 * write this coordinator runs stays reserved should it die ({@link PendingWrites}), how many queries
 * run and wait at once, the session properties' defaults, and who may connect.
 */
public record CoordinatorConfig(String host, int jdbcPort, int clusterPort, String defaultSchema,
                                long broadcastThresholdBytes, long heartbeatTimeoutMillis, Optional<String> warehouse,
                                long writeLeaseMillis, QueryLimits limits, Map<SessionProperty, String> sessionDefaults,
                                SecurityConfig security) {
    public CoordinatorConfig {
        warehouse = warehouse.map(w -> w.endsWith("/") ? w : w + "/");
        sessionDefaults = Map.copyOf(sessionDefaults);
    }

    public CoordinatorConfig(String host, int jdbcPort, int clusterPort, String defaultSchema,
                             long broadcastThresholdBytes, long heartbeatTimeoutMillis, Optional<String> warehouse) {
        this(host, jdbcPort, clusterPort, defaultSchema, broadcastThresholdBytes, heartbeatTimeoutMillis, warehouse,
                PendingWrites.DEFAULT_LEASE_MILLIS, QueryLimits.DEFAULTS, Map.of(), SecurityConfig.OPEN);
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
    /** Trino's query.max-run-time default. */
    public static final String DEFAULT_MAX_RUN_TIME = "100d";

    public static CoordinatorConfig defaults(String host, int jdbcPort, int clusterPort, String defaultSchema) {
        return new CoordinatorConfig(host, jdbcPort, clusterPort, defaultSchema, DEFAULT_BROADCAST_THRESHOLD_BYTES,
                DEFAULT_HEARTBEAT_TIMEOUT_MILLIS);
    }

    public CoordinatorConfig withBroadcastThreshold(long bytes) {
        return new CoordinatorConfig(host, jdbcPort, clusterPort, defaultSchema, bytes, heartbeatTimeoutMillis, warehouse,
                writeLeaseMillis, limits, sessionDefaults, security);
    }

    public CoordinatorConfig withWarehouse(String location) {
        return new CoordinatorConfig(host, jdbcPort, clusterPort, defaultSchema, broadcastThresholdBytes, heartbeatTimeoutMillis,
                Optional.of(location), writeLeaseMillis, limits, sessionDefaults, security);
    }

    public CoordinatorConfig withWriteLease(long millis) {
        return new CoordinatorConfig(host, jdbcPort, clusterPort, defaultSchema, broadcastThresholdBytes, heartbeatTimeoutMillis,
                warehouse, millis, limits, sessionDefaults, security);
    }

    public CoordinatorConfig withLimits(QueryLimits queryLimits) {
        return new CoordinatorConfig(host, jdbcPort, clusterPort, defaultSchema, broadcastThresholdBytes, heartbeatTimeoutMillis,
                warehouse, writeLeaseMillis, queryLimits, sessionDefaults, security);
    }

    public CoordinatorConfig withSecurity(SecurityConfig securityConfig) {
        return new CoordinatorConfig(host, jdbcPort, clusterPort, defaultSchema, broadcastThresholdBytes, heartbeatTimeoutMillis,
                warehouse, writeLeaseMillis, limits, sessionDefaults, securityConfig);
    }

    /** A session property's default for every connection (--query-max-scan-size, --query-max-run-time). */
    public CoordinatorConfig withSessionDefault(SessionProperty property, String value) {
        Map<SessionProperty, String> defaults = new EnumMap<>(SessionProperty.class);
        defaults.putAll(sessionDefaults);
        defaults.put(property, property.canonical(value));
        return new CoordinatorConfig(host, jdbcPort, clusterPort, defaultSchema, broadcastThresholdBytes, heartbeatTimeoutMillis,
                warehouse, writeLeaseMillis, limits, defaults, security);
    }

    /** The defaults SHOW SESSION lists: the configured ones, and the broadcast threshold as a size. */
    public SessionProperties sessionProperties() {
        Map<SessionProperty, String> defaults = new EnumMap<>(SessionProperty.class);
        defaults.put(SessionProperty.QUERY_MAX_SCAN_SIZE, "");
        defaults.put(SessionProperty.QUERY_MAX_RUN_TIME, DEFAULT_MAX_RUN_TIME);
        defaults.put(SessionProperty.JOIN_MAX_BROADCAST_TABLE_SIZE, DataSize.succinctBytes(broadcastThresholdBytes).toString());
        defaults.putAll(sessionDefaults);
        return SessionProperties.withDefaults(defaults);
    }
}
