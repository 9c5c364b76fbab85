package dev.shoal.launcher;

import dev.shoal.catalog.StoredCatalog;
import dev.shoal.catalog.discovery.ExternalTables;
import dev.shoal.catalog.store.JdbcCatalogStore;
import dev.shoal.coordinator.Coordinator;
import dev.shoal.coordinator.CoordinatorConfig;
import dev.shoal.coordinator.ddl.PendingWrites;
import dev.shoal.core.catalog.TableDefinition;
import dev.shoal.core.error.ShoalException;
import dev.shoal.launcher.cli.ByteSizeConverter;
import dev.shoal.launcher.cli.QueryOptions;
import dev.shoal.launcher.cli.SecurityOptions;
import dev.shoal.parquet.store.ObjectStores;
import dev.shoal.parquet.store.S3Environment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code shoal coordinator}: the coordinator as its own process; workers join it with {@code shoal worker}. */
@Command(name = "coordinator", mixinStandardHelpOptions = true,
        description = {"Runs a coordinator: JDBC for clients, a cluster port for workers.",
                "S3 settings come from the environment: SHOAL_S3_ENDPOINT, AWS_REGION, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY.",
                "A PostgreSQL catalog's credentials come from SHOAL_CATALOG_USER and SHOAL_CATALOG_PASSWORD."})
final class CoordinatorCommand implements Callable<Integer> {
    @Option(names = "--host", description = "address to listen on and to give workers (default: ${DEFAULT-VALUE})")
    String host = "127.0.0.1";

    @Option(names = "--port", description = "JDBC port (default: ${DEFAULT-VALUE})")
    int port = CoordinatorConfig.DEFAULT_JDBC_PORT;

    @Option(names = "--cluster-port", description = "port workers announce themselves to (default: ${DEFAULT-VALUE})")
    int clusterPort = CoordinatorConfig.DEFAULT_CLUSTER_PORT;

    @Option(names = "--table", paramLabel = "SCHEMA.NAME=LOCATION",
            description = "declares a table over the Parquet files under LOCATION (repeatable); columns come from the files")
    List<String> tables = new ArrayList<>();

    @Option(names = "--catalog-url", paramLabel = "JDBC_URL",
            description = "where schemas and tables are kept: jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB "
                    + "(default: jdbc:sqlite:~/.shoal/catalog.db)")
    String catalogUrl = "jdbc:sqlite:" + Path.of(System.getProperty("user.home"), ".shoal", "catalog.db");

    @Option(names = "--warehouse", paramLabel = "LOCATION",
            description = "prefix under which CREATE TABLE AS puts managed tables, as LOCATION/<schema>/<table>/ "
                    + "(default: none; the schema's LOCATION or external_location then says where)")
    String warehouse;

    @Option(names = "--default-schema", description = "schema of unqualified table names (default: ${DEFAULT-VALUE})")
    String defaultSchema = "default";

    @Option(names = "--broadcast-threshold", converter = ByteSizeConverter.class,
            description = "largest estimated build side a join broadcasts instead of partitioning (default: 32MB)")
    long broadcastThreshold = CoordinatorConfig.DEFAULT_BROADCAST_THRESHOLD_BYTES;

    @Option(names = "--heartbeat-timeout", description = "ms of worker silence before it is lost (default: ${DEFAULT-VALUE})")
    long heartbeatTimeout = CoordinatorConfig.DEFAULT_HEARTBEAT_TIMEOUT_MILLIS;

    @Option(names = "--write-lease", description = "ms a write stays reserved after its coordinator stops renewing it; "
            + "then another coordinator deletes its uncommitted files (default: ${DEFAULT-VALUE})")
    long writeLease = PendingWrites.DEFAULT_LEASE_MILLIS;

    @Mixin
    QueryOptions queryOptions = new QueryOptions();

    @Mixin
    SecurityOptions securityOptions = new SecurityOptions();

    @Override
    public Integer call() throws Exception {
        try (ObjectStores stores = new ObjectStores(Optional.of(S3Environment.fromEnvironment()))) {
            StoredCatalog catalog = new StoredCatalog(openCatalogStore());
            for (String spec : tables) {
                // A shortcut for CREATE EXTERNAL TABLE: a table already in the catalog is kept as it is. A table
                // that cannot be read is reported and left out; it does not take the coordinator and the other tables down.
                try {
                    TableDefinition table = ExternalTables.define(stores, spec);
                    if (catalog.table(table.schema(), table.name()).isEmpty()) {
                        catalog.createTable(table);
                    }
                } catch (ShoalException e) {
                    System.err.println("--table " + spec + " not registered: " + e.getMessage());
                }
            }
            CoordinatorConfig config = securityOptions.apply(queryOptions.apply(new CoordinatorConfig(host, port, clusterPort, defaultSchema,
                    broadcastThreshold, heartbeatTimeout, Optional.ofNullable(warehouse)).withWriteLease(writeLease)));
            try (catalog; Coordinator coordinator = Coordinator.start(config, catalog, stores)) {
                System.err.println("catalog: " + catalog.store().describe());
                System.out.println(coordinator.jdbcUrl() + " (workers: --coordinator " + host + ":" + coordinator.clusterPort() + ")");
                System.out.flush();
                Thread.currentThread().join();
            }
        }
        return 0;
    }

    private JdbcCatalogStore openCatalogStore() {
        if (catalogUrl.startsWith("jdbc:sqlite:")) {
            return JdbcCatalogStore.sqlite(Path.of(catalogUrl.substring("jdbc:sqlite:".length())));
        }
        return JdbcCatalogStore.open(catalogUrl, Optional.ofNullable(System.getenv("SHOAL_CATALOG_USER")),
                Optional.ofNullable(System.getenv("SHOAL_CATALOG_PASSWORD")));
    }
}
