package dev.shoal.catalog.store;

import dev.shoal.core.catalog.DataFile;
import dev.shoal.core.catalog.Partition;
import dev.shoal.core.catalog.PartitionNames;
import dev.shoal.core.catalog.PendingWrite;
import dev.shoal.core.catalog.SchemaDefinition;
import dev.shoal.core.catalog.TableDefinition;
import dev.shoal.core.catalog.ViewDefinition;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.plan.ScanColumn;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The statements of one catalog change, on a connection whose transaction the caller commits or rolls back. */
final class Transaction {
    private final Connection connection;

    Transaction(Connection connection) {
        this.connection = connection;
    }

    void createSchema(SchemaDefinition schema) throws SQLException {
        String name = JdbcCatalogStore.key(schema.name());
        if (schemaExists(name)) {
            throw new ShoalException(ErrorCode.ALREADY_EXISTS, "schema " + name + " already exists");
        }
        update("INSERT INTO shoal_schemas (name, location, created_at) VALUES (?, ?, ?)",
                name, schema.location().orElse(null), System.currentTimeMillis());
    }

    void dropSchema(String name, boolean cascade) throws SQLException {
        if (!schemaExists(name)) {
            throw new ShoalException(ErrorCode.UNKNOWN_SCHEMA, "schema " + name + " does not exist");
        }
        if (!cascade && count("SELECT COUNT(*) FROM shoal_tables WHERE schema_name = ?", name) > 0) {
            throw new ShoalException(ErrorCode.SCHEMA_NOT_EMPTY,
                    "schema " + name + " is not empty; DROP SCHEMA " + name + " CASCADE drops its tables too");
        }
        if (!cascade && count("SELECT COUNT(*) FROM shoal_views WHERE schema_name = ?", name) > 0) {
            throw new ShoalException(ErrorCode.SCHEMA_NOT_EMPTY,
                    "schema " + name + " has views; DROP SCHEMA " + name + " CASCADE drops them too");
        }
        update("DELETE FROM shoal_view_columns WHERE schema_name = ?", name);
        update("DELETE FROM shoal_views WHERE schema_name = ?", name);
        update("DELETE FROM shoal_files WHERE schema_name = ?", name);
        update("DELETE FROM shoal_partitions WHERE schema_name = ?", name);
        update("DELETE FROM shoal_table_properties WHERE schema_name = ?", name);
        update("DELETE FROM shoal_columns WHERE schema_name = ?", name);
        update("DELETE FROM shoal_tables WHERE schema_name = ?", name);
        update("DELETE FROM shoal_schemas WHERE name = ?", name);
    }

    void createTable(TableDefinition table, boolean createSchemaIfMissing) throws SQLException {
        String schema = JdbcCatalogStore.key(table.schema());
        String name = JdbcCatalogStore.key(table.name());
        if (!schemaExists(schema)) {
            if (!createSchemaIfMissing) {
                throw new ShoalException(ErrorCode.UNKNOWN_SCHEMA, "schema " + schema + " does not exist (CREATE SCHEMA " + schema + " first)");
            }
            createSchema(SchemaDefinition.named(schema));
        }
        if (tableExists(schema, name)) {
            throw new ShoalException(ErrorCode.ALREADY_EXISTS, "table " + schema + "." + name + " already exists");
        }
        if (viewExists(schema, name)) {
            throw new ShoalException(ErrorCode.ALREADY_EXISTS, "view " + schema + "." + name + " already exists; a table needs another name");
        }
        update("INSERT INTO shoal_tables (schema_name, name, kind, location, created_at, has_file_list) VALUES (?, ?, ?, ?, ?, ?)",
                schema, name, table.kind().name(), table.location(), System.currentTimeMillis(), table.files().isPresent() ? 1 : 0);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO shoal_columns (schema_name, table_name, position, name, type, partition_key) VALUES (?, ?, ?, ?, ?, ?)")) {
            int position = 0;
            for (ScanColumn column : table.columns()) {
                insert.setString(1, schema);
                insert.setString(2, name);
                insert.setInt(3, position++);
                insert.setString(4, column.name());
                insert.setString(5, column.type().toString());
                insert.setInt(6, table.isPartitionColumn(column.name()) ? 1 : 0);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        if (table.files().isPresent()) {
            addFiles(schema, name, "", table.files().get());
        }
        insertPartitions(schema, name, table.partitionColumns(), table.partitions());
        for (Map.Entry<String, String> property : table.properties().entrySet()) {
            update("INSERT INTO shoal_table_properties (schema_name, table_name, name, value) VALUES (?, ?, ?, ?)",
                    schema, name, property.getKey(), property.getValue());
        }
    }

    /**
     * Commits more files to a table that has a file list (INSERT): into the table, or into each
     * partition, creating the new ones; with {@code overwrite} the files they held go first.
     */
    void addFilesToTable(String schema, String name, List<DataFile> files, List<Partition> partitions, boolean overwrite)
            throws SQLException {
        if (!tableExists(schema, name)) {
            throw new ShoalException(ErrorCode.UNKNOWN_TABLE, "table " + schema + "." + name + " does not exist");
        }
        if (count("SELECT COUNT(*) FROM shoal_tables WHERE schema_name = ? AND name = ? AND has_file_list = 1", schema, name) == 0) {
            throw new ShoalException(ErrorCode.NOT_SUPPORTED, "table " + schema + "." + name
                    + " is read by listing its location; INSERT writes only into tables Shoal created");
        }
        if (overwrite && partitions.isEmpty()) {
            update("DELETE FROM shoal_files WHERE schema_name = ? AND table_name = ? AND partition_name = ''", schema, name);
        }
        addFiles(schema, name, "", files);
        List<String> keys = partitionKeys(schema, name);
        for (Partition partition : partitions) {
            String partitionName = partition.name(keys);
            if (overwrite) {
                update("DELETE FROM shoal_files WHERE schema_name = ? AND table_name = ? AND partition_name = ?", schema, name, partitionName);
            }
            if (!partitionExists(schema, name, partitionName)) {
                insertPartition(schema, name, partitionName, partition.location());
            }
            addFiles(schema, name, partitionName, partition.files().orElse(List.of()));
        }
    }

    private void addFiles(String schema, String name, String partitionName, List<DataFile> files) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO shoal_files (schema_name, table_name, path, bytes, row_count, partition_name) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (DataFile file : files) {
                insert.setString(1, schema);
                insert.setString(2, name);
                insert.setString(3, file.path());
                insert.setLong(4, file.bytes());
                insert.setLong(5, file.rows());
                insert.setString(6, partitionName);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void insertPartitions(String schema, String name, List<String> keys, List<Partition> partitions) throws SQLException {
        for (Partition partition : partitions) {
            String partitionName = partition.name(keys);
            insertPartition(schema, name, partitionName, partition.location());
            addFiles(schema, name, partitionName, partition.files().orElse(List.of()));
        }
    }

    private void insertPartition(String schema, String name, String partitionName, String location) throws SQLException {
        update("INSERT INTO shoal_partitions (schema_name, table_name, name, location, created_at) VALUES (?, ?, ?, ?, ?)",
                schema, name, partitionName, location, System.currentTimeMillis());
    }

    void addPartitions(String schema, String name, List<Partition> partitions, boolean ifNotExists) throws SQLException {
        List<String> keys = partitionKeys(schema, name);
        if (keys.isEmpty()) {
            throw new ShoalException(ErrorCode.NOT_SUPPORTED, "table " + schema + "." + name + " is not partitioned");
        }
        for (Partition partition : partitions) {
            String partitionName = partition.name(keys);
            if (partitionExists(schema, name, partitionName)) {
                if (ifNotExists) {
                    continue;
                }
                throw new ShoalException(ErrorCode.ALREADY_EXISTS, "table " + schema + "." + name + " already has partition "
                        + partitionName);
            }
            insertPartition(schema, name, partitionName, partition.location());
            addFiles(schema, name, partitionName, partition.files().orElse(List.of()));
        }
    }

    void dropPartitions(String schema, String name, List<List<String>> values, boolean ifExists) throws SQLException {
        List<String> keys = partitionKeys(schema, name);
        if (keys.isEmpty()) {
            throw new ShoalException(ErrorCode.NOT_SUPPORTED, "table " + schema + "." + name + " is not partitioned");
        }
        for (List<String> partitionValues : values) {
            String partitionName = PartitionNames.name(keys, partitionValues);
            if (!partitionExists(schema, name, partitionName)) {
                if (ifExists) {
                    continue;
                }
                throw new ShoalException(ErrorCode.UNKNOWN_PARTITION, "table " + schema + "." + name + " has no partition "
                        + partitionName);
            }
            update("DELETE FROM shoal_files WHERE schema_name = ? AND table_name = ? AND partition_name = ?", schema, name, partitionName);
            update("DELETE FROM shoal_partitions WHERE schema_name = ? AND table_name = ? AND name = ?", schema, name, partitionName);
        }
    }

    /** The table's partition columns in order; fails with UNKNOWN_TABLE when it does not exist. */
    private List<String> partitionKeys(String schema, String name) throws SQLException {
        if (!tableExists(schema, name)) {
            throw new ShoalException(ErrorCode.UNKNOWN_TABLE, "table " + schema + "." + name + " does not exist");
        }
        List<String> keys = new ArrayList<>();
        try (PreparedStatement statement = prepare("SELECT name FROM shoal_columns WHERE schema_name = ? AND table_name = ? "
                + "AND partition_key = 1 ORDER BY position", schema, name); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                keys.add(rs.getString(1));
            }
        }
        return keys;
    }

    private boolean partitionExists(String schema, String name, String partitionName) throws SQLException {
        return count("SELECT COUNT(*) FROM shoal_partitions WHERE schema_name = ? AND table_name = ? AND name = ?",
                schema, name, partitionName) > 0;
    }

    /** The table's row is copied under the new name, its children moved to it, the old row deleted (no ON UPDATE CASCADE in SQLite). */
    void renameTable(String schema, String name, String newSchema, String newName) throws SQLException {
        if (!tableExists(schema, name)) {
            throw new ShoalException(ErrorCode.UNKNOWN_TABLE, "table " + schema + "." + name + " does not exist");
        }
        if (!schemaExists(newSchema)) {
            throw new ShoalException(ErrorCode.UNKNOWN_SCHEMA, "schema " + newSchema + " does not exist");
        }
        if (tableExists(newSchema, newName)
                || viewExists(newSchema, newName)) {
            throw new ShoalException(ErrorCode.ALREADY_EXISTS, newSchema + "." + newName + " already exists");
        }
        update("INSERT INTO shoal_tables (schema_name, name, kind, location, created_at, has_file_list) "
                + "SELECT ?, ?, kind, location, created_at, has_file_list FROM shoal_tables WHERE schema_name = ? AND name = ?",
                newSchema, newName, schema, name);
        for (String child : new String[] {"shoal_columns", "shoal_table_properties", "shoal_files", "shoal_partitions"}) {
            update("UPDATE " + child + " SET schema_name = ?, table_name = ? WHERE schema_name = ? AND table_name = ?",
                    newSchema, newName, schema, name);
        }
        update("DELETE FROM shoal_tables WHERE schema_name = ? AND name = ?", schema, name);
    }

    void addColumn(String schema, String name, ScanColumn column) throws SQLException {
        if (!tableExists(schema, name)) {
            throw new ShoalException(ErrorCode.UNKNOWN_TABLE, "table " + schema + "." + name + " does not exist");
        }
        if (count("SELECT COUNT(*) FROM shoal_columns WHERE schema_name = ? AND table_name = ? AND name = ?", schema, name,
                column.name()) > 0) {
            throw new ShoalException(ErrorCode.ALREADY_EXISTS, "table " + schema + "." + name + " already has a column " + column.name());
        }
        // A new column goes before the partition columns, which stay last (as in Hive); the two steps
        // keep the primary key unique at every row, whatever order the database updates them in.
        long position = count("SELECT COUNT(*) FROM shoal_columns WHERE schema_name = ? AND table_name = ? AND partition_key = 0",
                schema, name);
        update("UPDATE shoal_columns SET position = -(position + 1) WHERE schema_name = ? AND table_name = ? AND partition_key = 1",
                schema, name);
        update("UPDATE shoal_columns SET position = -position WHERE schema_name = ? AND table_name = ? AND position < 0",
                schema, name);
        update("INSERT INTO shoal_columns (schema_name, table_name, position, name, type) VALUES (?, ?, ?, ?, ?)",
                schema, name, (int) position, column.name(), column.type().toString());
    }

    void createView(ViewDefinition view, boolean replace) throws SQLException {
        String schema = JdbcCatalogStore.key(view.schema());
        String name = JdbcCatalogStore.key(view.name());
        if (!schemaExists(schema)) {
            throw new ShoalException(ErrorCode.UNKNOWN_SCHEMA, "schema " + schema + " does not exist (CREATE SCHEMA " + schema + " first)");
        }
        if (tableExists(schema, name)) {
            throw new ShoalException(ErrorCode.ALREADY_EXISTS, "table " + schema + "." + name + " already exists; a view needs another name");
        }
        if (viewExists(schema, name)) {
            if (!replace) {
                throw new ShoalException(ErrorCode.ALREADY_EXISTS, "view " + schema + "." + name + " already exists (CREATE OR REPLACE VIEW)");
            }
            dropView(schema, name);
        }
        update("INSERT INTO shoal_views (schema_name, name, sql_text, sql_schema, created_at) VALUES (?, ?, ?, ?, ?)",
                schema, name, view.sql(), view.sqlSchema(), System.currentTimeMillis());
        int position = 0;
        for (ScanColumn column : view.columns()) {
            update("INSERT INTO shoal_view_columns (schema_name, view_name, position, name, type) VALUES (?, ?, ?, ?, ?)",
                    schema, name, position++, column.name(), column.type().toString());
        }
    }

    void dropView(String schema, String name) throws SQLException {
        if (!viewExists(schema, name)) {
            throw new ShoalException(ErrorCode.UNKNOWN_TABLE, "view " + schema + "." + name + " does not exist");
        }
        update("DELETE FROM shoal_view_columns WHERE schema_name = ? AND view_name = ?", schema, name);
        update("DELETE FROM shoal_views WHERE schema_name = ? AND name = ?", schema, name);
    }

    void dropTable(String schema, String name) throws SQLException {
        if (!tableExists(schema, name)) {
            throw new ShoalException(ErrorCode.UNKNOWN_TABLE, "table " + schema + "." + name + " does not exist");
        }
        update("DELETE FROM shoal_files WHERE schema_name = ? AND table_name = ?", schema, name);
        update("DELETE FROM shoal_partitions WHERE schema_name = ? AND table_name = ?", schema, name);
        update("DELETE FROM shoal_table_properties WHERE schema_name = ? AND table_name = ?", schema, name);
        update("DELETE FROM shoal_columns WHERE schema_name = ? AND table_name = ?", schema, name);
        update("DELETE FROM shoal_tables WHERE schema_name = ? AND name = ?", schema, name);
    }

    void beginWrite(PendingWrite write) throws SQLException {
        update("INSERT INTO shoal_pending_writes (write_id, location, table_name, owner, expires_at) VALUES (?, ?, ?, ?, ?)",
                write.writeId(), write.location(), write.table(), write.owner(), write.expiresAt());
    }

    void renewWrites(String owner, long expiresAt) throws SQLException {
        update("UPDATE shoal_pending_writes SET expires_at = ? WHERE owner = ?", expiresAt, owner);
    }

    /** Ends a pending write (a no-op for null: a change that is not a write's commit). */
    void endWrite(String writeId) throws SQLException {
        if (writeId != null) {
            update("DELETE FROM shoal_pending_writes WHERE write_id = ?", writeId);
        }
    }

    private boolean tableExists(String schema, String name) throws SQLException {
        return count("SELECT COUNT(*) FROM shoal_tables WHERE schema_name = ? AND name = ?", schema, name) > 0;
    }

    private boolean viewExists(String schema, String name) throws SQLException {
        return count("SELECT COUNT(*) FROM shoal_views WHERE schema_name = ? AND name = ?", schema, name) > 0;
    }

    private boolean schemaExists(String name) throws SQLException {
        return count("SELECT COUNT(*) FROM shoal_schemas WHERE name = ?", name) > 0;
    }

    private long count(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(sql, parameters); ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private int update(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    private PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
