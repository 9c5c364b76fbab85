package dev.shoal.launcher.local;

import dev.shoal.catalog.StoredCatalog;
import dev.shoal.catalog.store.JdbcCatalogStore;
import dev.shoal.coordinator.CoordinatorConfig;
import dev.shoal.core.catalog.TableDefinition;
import dev.shoal.parquet.store.EmbeddedS3Server;
import dev.shoal.parquet.store.Location;
import dev.shoal.parquet.store.ObjectStores;
import dev.shoal.parquet.store.S3Config;
import dev.shoal.parquet.store.S3ObjectStore;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Everything in one JVM: an embedded S3 server over a data folder, TPC-H demo tables in it, the
 * catalog in an SQLite file beside them, and a coordinator with its workers, which reach the data
 * through the S3 API like any deployment.
 */
public final class LocalCluster implements AutoCloseable {
    public static final String BUCKET = "shoal";
    /** Where CREATE TABLE AS puts a managed table: {@code <warehouse><schema>/<table>/}. */
    public static final String WAREHOUSE = "s3://" + BUCKET + "/warehouse/";

    private final EmbeddedS3Server s3;
    private final ObjectStores stores;
    private final StoredCatalog catalog;
    private final EmbeddedCluster coordinator;

    private LocalCluster(EmbeddedS3Server s3, ObjectStores stores, StoredCatalog catalog, EmbeddedCluster coordinator) {
        this.s3 = s3;
        this.stores = stores;
        this.catalog = catalog;
        this.coordinator = coordinator;
    }

    /**
     * The catalog's SQLite file, beside the buckets: it names tables whose files are in this data
     * folder, so the two go together.
     */
    public static Path catalogFile(Path dataDir) {
        return dataDir.resolve(".catalog").resolve("catalog.db");
    }

    public static LocalCluster start(Path dataDir, String host, int port, int workers, double scaleFactor) throws Exception {
        return start(dataDir, host, port, workers, scaleFactor, config -> config);
    }

    public static LocalCluster start(Path dataDir, String host, int port, int workers, double scaleFactor,
                                     UnaryOperator<CoordinatorConfig> configure) throws Exception {
        return start(dataDir, host, port, workers, 0, scaleFactor, configure);
    }

    /**
     * {@code configure}: the command line's changes to the coordinator's settings (query limits, session defaults);
     * {@code taskConcurrency}: the workers' --task-concurrency, 0 for a driver per core.
     */
    public static LocalCluster start(Path dataDir, String host, int port, int workers, int taskConcurrency, double scaleFactor,
                                     UnaryOperator<CoordinatorConfig> configure) throws Exception {
        // A fresh secret each start: the embedded store is only reachable on loopback anyway.
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        EmbeddedS3Server s3 = EmbeddedS3Server.start(dataDir, 0, "shoal-local", HexFormat.of().formatHex(secret));
        ObjectStores stores = new ObjectStores(Optional.of(s3.config()));
        StoredCatalog catalog = null;
        try {
            ((S3ObjectStore) stores.storeFor(Location.parse("s3://" + BUCKET + "/"))).createBucketIfMissing(BUCKET);
            catalog = new StoredCatalog(JdbcCatalogStore.sqlite(catalogFile(dataDir)));
            // The demo tables are registered once, as external tables; later starts find them in the catalog.
            for (TableDefinition table : TpchDemoData.ensure(stores, Location.parse("s3://" + BUCKET + "/tpch/"), scaleFactor)) {
                if (catalog.table(table.schema(), table.name()).isEmpty()) {
                    catalog.createTable(table);
                }
            }
            EmbeddedCluster coordinator = EmbeddedCluster.start(
                    configure.apply(CoordinatorConfig.defaults(host, port, 0, TpchDemoData.SCHEMA).withWarehouse(WAREHOUSE)), catalog, stores,
                    workers, taskConcurrency);
            return new LocalCluster(s3, stores, catalog, coordinator);
        } catch (Exception e) {
            if (catalog != null) {
                catalog.close();
            }
            stores.close();
            s3.close();
            throw e;
        }
    }

    public String jdbcUrl() {
        return coordinator.jdbcUrl();
    }

    /** The embedded S3 server's address and keys: what a worker in another process reads the lake with. */
    public S3Config s3Config() {
        return s3.config();
    }

    /** The port workers announce themselves on. */
    public int clusterPort() {
        return coordinator.coordinator().clusterPort();
    }

    /** Waits until {@code count} workers (this process's and others') have announced themselves. */
    public void awaitWorkers(int count, Duration timeout) throws InterruptedException {
        coordinator.coordinator().awaitWorkers(count, timeout);
    }

    @Override
    public void close() throws Exception {
        coordinator.close();
        catalog.close();
        stores.close();
        s3.close();
    }
}
