package dev.shoal.tests;

import dev.shoal.catalog.StoredCatalog;
import dev.shoal.coordinator.CoordinatorConfig;
import dev.shoal.core.catalog.TableDefinition;
import dev.shoal.launcher.local.EmbeddedCluster;
import dev.shoal.parquet.store.Location;
import dev.shoal.parquet.store.ObjectStores;
import dev.shoal.parquet.store.S3Config;
import dev.shoal.parquet.store.S3ObjectStore;
import dev.shoal.tests.oracle.ResultRows;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MinIOContainer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The same queries over a real MinIO server (Testcontainers), where a Docker engine exists: the
 * S3 client's path-style requests, ranged reads and listings against another implementation than
 * S3Proxy. Without Docker the test is skipped, saying so; S3Proxy covers S3 in every run.
 */
class MinioStorageTest {
    private static final String IMAGE = "minio/minio:RELEASE.2025-04-22T22-12-26Z";
    private static final List<String> TABLES = List.of("nation", "lineitem");

    @Test
    void tablesInMinioAnswerAsDuckDbOverTheSameFiles() throws Exception {
        assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
                "no Docker engine on this machine: the MinIO test runs where Docker does (S3Proxy serves S3 to every other test)");
        TestCluster cluster = TestCluster.get();
        try (MinIOContainer minio = new MinIOContainer(IMAGE)) {
            minio.start();
            S3Config config = S3Config.of(minio.getS3URL(), minio.getUserName(), minio.getPassword());
            try (ObjectStores stores = new ObjectStores(Optional.of(config))) {
                ((S3ObjectStore) stores.storeFor(Location.parse("s3://minio-lake/"))).createBucketIfMissing("minio-lake");
                StoredCatalog catalog = StoredCatalog.temporary();
                for (String table : TABLES) {
                    copyTable(cluster, stores, table);
                    TableDefinition definition = cluster.catalog.table("tpch." + table).orElseThrow();
                    catalog.createTable(new TableDefinition("tpch", table, "s3://minio-lake/tpch/" + table + "/",
                            definition.columns()));
                }
                try (EmbeddedCluster shoal = EmbeddedCluster.start(CoordinatorConfig.defaults("127.0.0.1", 0, 0, "tpch"),
                        catalog, stores, 2);
                     Connection connection = cluster.driver.connect(shoal.jdbcUrl(), new Properties());
                     Connection duck = DuckDbOracle.open(cluster)) {
                    assertSame(connection, duck, "select n_name, count(*), sum(l_extendedprice) from lineitem join nation "
                            + "on l_suppkey = n_nationkey group by n_name");
                    assertSame(connection, duck, "select l_returnflag, count(*), avg(l_quantity) from lineitem group by l_returnflag");
                }
            }
        }
    }

    private static void copyTable(TestCluster cluster, ObjectStores stores, String table) throws Exception {
        try (Stream<Path> files = Files.list(cluster.tableDir(table))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".parquet")).toList()) {
                stores.write(Location.parse("s3://minio-lake/tpch/" + table + "/" + file.getFileName()), Files.readAllBytes(file));
            }
        }
    }

    private static void assertSame(Connection shoal, Connection duck, String sql) throws Exception {
        ResultRows actual;
        try (Statement s = shoal.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            actual = ResultRows.read(rs);
        }
        ResultRows expected;
        try (Statement s = duck.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            expected = ResultRows.read(rs);
        }
        assertFalse(expected.rows().isEmpty());
        String difference = ResultRows.difference(actual.sorted(), expected.sorted());
        assertNull(difference, sql + ": " + difference);
    }
}
