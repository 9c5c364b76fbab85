package dev.shoal.catalog.store;

import dev.shoal.core.catalog.DataFile;
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
                "INSERT INTO shoal_columns (schema_name, table_name, position, name, type) VALUES (?, ?, ?, ?, ?)")) {
            int position = 0;
            for (ScanColumn column : table.columns()) {
                insert.setString(1, schema);
                insert.setString(2, name);
                insert.setInt(3, position++);
                insert.setString(4, column.name());
                insert.setString(5, column.type().toString());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        if (table.files().isPresent()) {
            addFiles(schema, name, table.files().get());
        }
        for (Map.Entry<String, String> property : table.properties().entrySet()) {
            update("INSERT INTO shoal_table_properties (schema_name, table_name, name, value) VALUES (?, ?, ?, ?)",
                    schema, name, property.getKey(), property.getValue());
        }
    }

    /** Commits more files to a table that has a file list (INSERT). */
    void addFilesToTable(String schema, String name, List<DataFile> files) throws SQLException {
        if (!tableExists(schema, name)) {
            throw new ShoalException(ErrorCode.UNKNOWN_TABLE, "table " + schema + "." + name + " does not exist");
        }
        if (count("SELECT COUNT(*) FROM shoal_tables WHERE schema_name = ? AND name = ? AND has_file_list = 1", schema, name) == 0) {
            throw new ShoalException(ErrorCode.NOT_SUPPORTED, "table " + schema + "." + name
                    + " is read by listing its location; INSERT writes only into tables Shoal created");
        }
        addFiles(schema, name, files);
    }

    private void addFiles(String schema, String name, List<DataFile> files) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO shoal_files (schema_name, table_name, path, bytes, row_count) VALUES (?, ?, ?, ?, ?)")) {
            for (DataFile file : files) {
                insert.setString(1, schema);
                insert.setString(2, name);
                insert.setString(3, file.path());
                insert.setLong(4, file.bytes());
                insert.setLong(5, file.rows());
                insert.addBatch();
            }
            insert.executeBatch();
        }
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
        for (String child : new String[] {"shoal_columns", "shoal_table_properties", "shoal_files"}) {
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
        long position = count("SELECT COUNT(*) FROM shoal_columns WHERE schema_name = ? AND table_name = ?", schema, name);
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
        update("DELETE FROM shoal_table_properties WHERE schema_name = ? AND table_name = ?", schema, name);
        update("DELETE FROM shoal_columns WHERE schema_name = ? AND table_name = ?", schema, name);
        update("DELETE FROM shoal_tables WHERE schema_name = ? AND name = ?", schema, name);
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
