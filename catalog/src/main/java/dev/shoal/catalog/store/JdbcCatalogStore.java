package dev.shoal.catalog.store;

import dev.shoal.catalog.history.JdbcQueryHistoryStore;
import dev.shoal.catalog.history.QueryHistoryStore;
import dev.shoal.core.catalog.DataFile;
import dev.shoal.core.catalog.Partition;
import dev.shoal.core.catalog.PartitionNames;
import dev.shoal.core.catalog.PendingWrite;
import dev.shoal.core.catalog.SchemaDefinition;
import dev.shoal.core.catalog.TableDefinition;
import dev.shoal.core.catalog.TableKind;
import dev.shoal.core.catalog.ViewDefinition;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.core.type.DataType;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The catalog in a SQL database over JDBC: an SQLite file (the default, nothing to install) or
 * PostgreSQL (shared by several coordinators, as Hive's metastore or Iceberg's JDBC catalog). Its
 * tables are created and upgraded by Flyway from {@code dev/shoal/catalog/migration} at open.
 */
public final class JdbcCatalogStore implements CatalogStore {
    private static final String MIGRATIONS = "classpath:dev/shoal/catalog/migration";

    private final String url;
    private final Properties connectionProperties;

    private JdbcCatalogStore(String url, Properties connectionProperties) {
        this.url = url;
        this.connectionProperties = connectionProperties;
    }

    /** An SQLite file, created with its folder when missing. */
    public static JdbcCatalogStore sqlite(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new ShoalException(ErrorCode.CATALOG_ERROR, "cannot create the catalog's folder for " + file + ": " + e.getMessage(), e);
        }
        return open("jdbc:sqlite:" + file.toAbsolutePath(), Optional.empty(), Optional.empty());
    }

    /** Any JDBC URL Shoal supports (jdbc:sqlite:..., jdbc:postgresql://...); the schema is migrated first. */
    public static JdbcCatalogStore open(String url, Optional<String> user, Optional<String> password) {
        Properties properties = new Properties();
        user.ifPresent(u -> properties.setProperty("user", u));
        password.ifPresent(p -> properties.setProperty("password", p));
        if (url.startsWith("jdbc:sqlite:")) {
            // Another process writing the same file waits up to 10 s instead of failing at once.
            properties.setProperty("busy_timeout", "10000");
            // A change reads before it writes: begun deferred, two of them would both hold read locks and one fail at
            // once with SQLITE_BUSY (the busy timeout cannot help a deadlock). IMMEDIATE takes the write lock first.
            properties.setProperty("transaction_mode", "IMMEDIATE");
        } else if (!url.startsWith("jdbc:postgresql:")) {
            throw new ShoalException(ErrorCode.INVALID_ARGUMENT,
                    "catalog URL must be jdbc:sqlite:<file> or jdbc:postgresql://host/db, got " + redact(url));
        }
        JdbcCatalogStore store = new JdbcCatalogStore(url, properties);
        store.migrate(user, password);
        return store;
    }

    private void migrate(Optional<String> user, Optional<String> password) {
        try {
            Flyway.configure()
                    .dataSource(url, user.orElse(null), password.orElse(null))
                    .locations(MIGRATIONS)
                    .table("shoal_schema_history")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new ShoalException(ErrorCode.CATALOG_ERROR, "cannot open the catalog at " + describe() + ": "
                    + firstLine(e.getMessage()), e);
        }
    }

    @Override
    public QueryHistoryStore queryHistory() {
        return new JdbcQueryHistoryStore(this::connect, describe());
    }

    @Override
    public String describe() {
        return redact(url);
    }

    /** The URL without a password in its query string (jdbc:postgresql://h/db?user=u&password=p). */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, connectionProperties);
    }

    @Override
    public CatalogSnapshot load() {
        try (Connection connection = connect()) {
            Map<String, SchemaDefinition> schemas = new TreeMap<>();
            try (PreparedStatement s = connection.prepareStatement("SELECT name, location FROM shoal_schemas");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    schemas.put(rs.getString(1), new SchemaDefinition(rs.getString(1), Optional.ofNullable(rs.getString(2))));
                }
            }
            Map<String, List<ScanColumn>> columns = new HashMap<>();
            Map<String, List<String>> partitionKeys = new HashMap<>();
            try (PreparedStatement s = connection.prepareStatement("SELECT schema_name, table_name, name, type, partition_key "
                    + "FROM shoal_columns ORDER BY schema_name, table_name, position");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(1) + "." + rs.getString(2);
                    columns.computeIfAbsent(key, k -> new ArrayList<>()).add(new ScanColumn(rs.getString(3), DataType.parse(rs.getString(4))));
                    if (rs.getInt(5) != 0) {
                        partitionKeys.computeIfAbsent(key, k -> new ArrayList<>()).add(rs.getString(3));
                    }
                }
            }
            Map<String, Map<String, String>> properties = new HashMap<>();
            try (PreparedStatement s = connection.prepareStatement("SELECT schema_name, table_name, name, value FROM shoal_table_properties");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    properties.computeIfAbsent(rs.getString(1) + "." + rs.getString(2), k -> new LinkedHashMap<>())
                            .put(rs.getString(3), rs.getString(4));
                }
            }
            // By table, then by partition name ('' for an unpartitioned table's files).
            Map<String, Map<String, List<DataFile>>> files = new HashMap<>();
            try (PreparedStatement s = connection.prepareStatement("SELECT schema_name, table_name, path, bytes, row_count, partition_name "
                    + "FROM shoal_files ORDER BY schema_name, table_name, path");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    files.computeIfAbsent(rs.getString(1) + "." + rs.getString(2), k -> new HashMap<>())
                            .computeIfAbsent(rs.getString(6), k -> new ArrayList<>())
                            .add(new DataFile(rs.getString(3), rs.getLong(4), rs.getLong(5)));
                }
            }
            Map<String, List<String[]>> partitionRows = new HashMap<>();
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT schema_name, table_name, name, location FROM shoal_partitions ORDER BY schema_name, table_name, name");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    partitionRows.computeIfAbsent(rs.getString(1) + "." + rs.getString(2), k -> new ArrayList<>())
                            .add(new String[] {rs.getString(3), rs.getString(4)});
                }
            }
            Map<String, List<TableDefinition>> tables = new TreeMap<>();
            schemas.keySet().forEach(schema -> tables.put(schema, new ArrayList<>()));
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT schema_name, name, kind, location, has_file_list FROM shoal_tables ORDER BY schema_name, name");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(1) + "." + rs.getString(2);
                    boolean hasFileList = rs.getInt(5) != 0;
                    Map<String, List<DataFile>> tableFiles = files.getOrDefault(key, Map.of());
                    List<String> keys = partitionKeys.getOrDefault(key, List.of());
                    List<Partition> partitions = new ArrayList<>();
                    for (String[] row : partitionRows.getOrDefault(key, List.of())) {
                        partitions.add(new Partition(PartitionNames.values(keys, row[0]), row[1],
                                hasFileList ? Optional.of(tableFiles.getOrDefault(row[0], List.of())) : Optional.empty()));
                    }
                    tables.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new TableDefinition(rs.getString(1),
                            rs.getString(2), rs.getString(4), columns.getOrDefault(key, List.of()), TableKind.valueOf(rs.getString(3)),
                            properties.getOrDefault(key, Map.of()),
                            hasFileList ? Optional.of(tableFiles.getOrDefault("", List.of())) : Optional.empty(), keys, partitions));
                }
            }
            return new CatalogSnapshot(schemas, tables, loadViews(connection));
        } catch (SQLException e) {
            throw storeError("cannot read the catalog", e);
        }
    }

    @Override
    public List<PendingWrite> pendingWrites() {
        try (Connection connection = connect();
             PreparedStatement s = connection.prepareStatement(
                     "SELECT write_id, location, table_name, owner, expires_at FROM shoal_pending_writes ORDER BY write_id");
             ResultSet rs = s.executeQuery()) {
            List<PendingWrite> writes = new ArrayList<>();
            while (rs.next()) {
                writes.add(new PendingWrite(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)));
            }
            return writes;
        } catch (SQLException e) {
            throw storeError("cannot read the pending writes", e);
        }
    }

    private static Map<String, List<ViewDefinition>> loadViews(Connection connection) throws SQLException {
        Map<String, List<ScanColumn>> columns = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT schema_name, view_name, name, type FROM shoal_view_columns ORDER BY schema_name, view_name, position");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                columns.computeIfAbsent(rs.getString(1) + "." + rs.getString(2), k -> new ArrayList<>())
                        .add(new ScanColumn(rs.getString(3), DataType.parse(rs.getString(4))));
            }
        }
        Map<String, List<ViewDefinition>> views = new TreeMap<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT schema_name, name, sql_text, sql_schema FROM shoal_views ORDER BY schema_name, name");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                views.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new ViewDefinition(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), columns.getOrDefault(rs.getString(1) + "." + rs.getString(2), List.of())));
            }
        }
        return views;
    }

    @Override
    public void apply(CatalogChange change) {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try {
                Transaction transaction = new Transaction(connection);
                // Java 17 has no switch over a sealed type's records yet.
                if (change instanceof CatalogChange.CreateSchema create) {
                    transaction.createSchema(create.schema());
                } else if (change instanceof CatalogChange.DropSchema drop) {
                    transaction.dropSchema(key(drop.name()), drop.cascade());
                } else if (change instanceof CatalogChange.CreateTable create) {
                    transaction.createTable(create.table(), create.createSchemaIfMissing());
                    transaction.endWrite(create.writeId());
                } else if (change instanceof CatalogChange.DropTable drop) {
                    transaction.dropTable(key(drop.schema()), key(drop.name()));
                } else if (change instanceof CatalogChange.RenameTable rename) {
                    transaction.renameTable(key(rename.schema()), key(rename.name()), key(rename.newSchema()), key(rename.newName()));
                } else if (change instanceof CatalogChange.AddColumn add) {
                    transaction.addColumn(key(add.schema()), key(add.name()), add.column());
                } else if (change instanceof CatalogChange.CreateView create) {
                    transaction.createView(create.view(), create.replace());
                } else if (change instanceof CatalogChange.DropView drop) {
                    transaction.dropView(key(drop.schema()), key(drop.name()));
                } else if (change instanceof CatalogChange.AddFiles add) {
                    transaction.addFilesToTable(key(add.schema()), key(add.name()), add.files(), add.partitions(), add.overwrite());
                    transaction.endWrite(add.writeId());
                } else if (change instanceof CatalogChange.BeginWrite begin) {
                    transaction.beginWrite(begin.write());
                } else if (change instanceof CatalogChange.RenewWrites renew) {
                    transaction.renewWrites(renew.owner(), renew.expiresAt());
                } else if (change instanceof CatalogChange.EndWrite end) {
                    transaction.endWrite(end.writeId());
                } else if (change instanceof CatalogChange.AddPartitions add) {
                    transaction.addPartitions(key(add.schema()), key(add.name()), add.partitions(), add.ifNotExists());
                } else if (change instanceof CatalogChange.DropPartitions drop) {
                    transaction.dropPartitions(key(drop.schema()), key(drop.name()), drop.values(), drop.ifExists());
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw isUniqueViolation(e)
                    ? new ShoalException(ErrorCode.ALREADY_EXISTS, "another statement created it first: " + firstLine(e.getMessage()), e)
                    : storeError("cannot change the catalog", e);
        }
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Another coordinator committed the same name between this transaction's check and its insert. */
    private static boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState()) // PostgreSQL
                || (e.getErrorCode() == 19 && String.valueOf(e.getMessage()).contains("UNIQUE")); // SQLite
    }

    private ShoalException storeError(String what, SQLException e) {
        return new ShoalException(ErrorCode.CATALOG_ERROR, what + " at " + describe() + ": " + firstLine(e.getMessage()), e);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    @Override
    public void close() {
        // Connections are opened per change; nothing is held between them.
    }
}
