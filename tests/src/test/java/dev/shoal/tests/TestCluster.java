package dev.shoal.tests;

import dev.shoal.catalog.StoredCatalog;
import dev.shoal.catalog.store.JdbcCatalogStore;
import dev.shoal.coordinator.CoordinatorConfig;
import dev.shoal.core.catalog.TableDefinition;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.core.type.DataType;
import dev.shoal.launcher.local.EmbeddedCluster;
import dev.shoal.launcher.local.TpchDemoData;
import dev.shoal.parquet.store.EmbeddedS3Server;
import dev.shoal.parquet.store.Location;
import dev.shoal.parquet.store.ObjectStores;
import dev.shoal.parquet.store.S3ObjectStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * One cluster for the whole suite: S3Proxy on 127.0.0.1 holding TPC-H SF 0.1 as Parquet (the scale the TPC-H queries are checked at), a
 * coordinator with two workers, clients through the shaded driver, and DuckDB over the same files.
 * Two extra tables hold bad data: {@code tpch.corrupt} (a file that is not Parquet) and
 * {@code tpch.nobucket} (a location whose bucket does not exist).
 */
final class TestCluster {
    static final double SCALE = 0.1;
    /** Where the suite's CREATE TABLE AS puts managed tables. */
    static final String WAREHOUSE = "s3://lake/warehouse/";
    private static TestCluster instance;

    final Path dataDir;
    final EmbeddedS3Server s3;
    final ObjectStores stores;
    /** Small enough that lineitem ⋈ orders is partitioned at SF 0.1, large enough that nation is broadcast. */
    static final long BROADCAST_THRESHOLD_BYTES = 64 << 10;
    /**
     * Short, so that a dead coordinator's writes are swept within seconds (CoordinatorDeathTest), yet
     * several renewals long, so that a coordinator slowed by a loaded machine keeps its live writes.
     */
    static final long WRITE_LEASE_MILLIS = 6000;

    final EmbeddedCluster coordinator;
    /** The catalog in an SQLite file, as shoal local keeps it. */
    final StoredCatalog catalog;
    final ShadedDriver driver;

    private TestCluster() throws Exception {
        dataDir = Files.createTempDirectory("shoal-e2e");
        s3 = EmbeddedS3Server.start(dataDir, 0, "e2e-access", "e2e-secret-do-not-print");
        stores = new ObjectStores(Optional.of(s3.config()));
        ((S3ObjectStore) stores.storeFor(Location.parse("s3://lake/"))).createBucketIfMissing("lake");
        catalog = new StoredCatalog(JdbcCatalogStore.sqlite(catalogFile()));
        for (TableDefinition table : TpchDemoData.ensure(stores, Location.parse("s3://lake/tpch/"), SCALE)) {
            catalog.createTable(table);
        }
        stores.write(Location.parse("s3://lake/corrupt/part-1.parquet"), "PAR1 not really parquet".getBytes());
        List<ScanColumn> oneColumn = List.of(new ScanColumn("x", DataType.BIGINT));
        catalog.createTable(new TableDefinition("tpch", "corrupt", "s3://lake/corrupt/", oneColumn));
        catalog.createTable(new TableDefinition("tpch", "nobucket", "s3://no-such-bucket/t/", oneColumn));
        coordinator = EmbeddedCluster.start(CoordinatorConfig.defaults("127.0.0.1", 0, 0, "tpch")
                .withBroadcastThreshold(BROADCAST_THRESHOLD_BYTES).withWarehouse(WAREHOUSE).withWriteLease(WRITE_LEASE_MILLIS),
                catalog, stores, 2);
        driver = ShadedDriver.load();
    }

    static synchronized TestCluster get() throws Exception {
        if (instance == null) {
            instance = new TestCluster();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                instance.coordinator.close();
                instance.stores.close();
                try {
                    instance.s3.close();
                } catch (Exception e) {
                    // Shutting down anyway.
                }
            }));
        }
        return instance;
    }

    Connection connect() throws SQLException {
        return driver.connect(coordinator.jdbcUrl(), new Properties());
    }

    /**
     * A catalog of its own in the SQLite {@code file}, holding the suite's tpch tables over the same
     * files: for a second coordinator with settings of its own. A table already there is kept.
     */
    StoredCatalog tpchCatalogAt(Path file) {
        StoredCatalog copy = new StoredCatalog(JdbcCatalogStore.sqlite(file));
        for (TableDefinition table : catalog.tables("tpch")) {
            if (copy.table("tpch", table.name()).isEmpty()) {
                copy.createTable(table);
            }
        }
        return copy;
    }

    /** The SQLite file of the suite's catalog, which a second coordinator process can share. */
    Path catalogFile() {
        return dataDir.resolve(".catalog").resolve("catalog.db");
    }

    /** The local folder of a TPC-H table's Parquet files: the same bytes S3Proxy serves. */
    Path tableDir(String table) {
        return dataDir.resolve("lake").resolve("tpch").resolve(table);
    }
}
