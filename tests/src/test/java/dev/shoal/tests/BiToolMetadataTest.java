package dev.shoal.tests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The DatabaseMetaData calls BI tools make on connect and while browsing, replayed in their order,
 * each answer checked. The sequences are written down from the tools' generic JDBC code paths:
 * DBeaver's generic data source (JDBCDataSource / GenericMetaModel: product and driver names, the
 * identifier rules and keywords, then catalogs, schemas, tables by type, columns, keys and indexes),
 * DataGrip's JDBC introspector (schemas by catalog, tables with every type, columns for a whole
 * schema at once, routines through getProcedures and getFunctions) and Tableau's generic JDBC
 * connector (catalogs, schemas, tables, then a query's result metadata through a prepared
 * statement with a zero-row predicate).
 */
class BiToolMetadataTest {
    private static Connection connection;
    private static DatabaseMetaData meta;

    @BeforeAll
    static void connect() throws Exception {
        connection = TestCluster.get().connect();
        meta = connection.getMetaData();
    }

    @AfterAll
    static void close() throws Exception {
        connection.close();
    }

    private static List<String> labels(ResultSet rs) throws SQLException {
        ResultSetMetaData columns = rs.getMetaData();
        List<String> labels = new ArrayList<>();
        for (int c = 1; c <= columns.getColumnCount(); c++) {
            labels.add(columns.getColumnLabel(c));
        }
        return labels;
    }

    private static List<List<String>> rows(ResultSet rs, String... columns) throws SQLException {
        try (rs) {
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (String column : columns) {
                    row.add(rs.getString(column));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    @Test
    void dbeaverConnectsAndBrowsesATable() throws Exception {
        assertEquals("Shoal", meta.getDatabaseProductName());
        assertNotNull(meta.getDatabaseProductVersion());
        assertNotNull(meta.getDriverName());
        assertNotNull(meta.getDriverVersion());
        assertEquals("\"", meta.getIdentifierQuoteString());
        assertNotNull(meta.getSQLKeywords());
        assertNotNull(meta.getNumericFunctions());
        assertNotNull(meta.getStringFunctions());
        assertNotNull(meta.getSystemFunctions());
        assertNotNull(meta.getTimeDateFunctions());
        assertEquals("\\", meta.getSearchStringEscape());
        assertEquals(".", meta.getCatalogSeparator());
        assertTrue(meta.storesLowerCaseIdentifiers());
        assertTrue(meta.supportsSchemasInTableDefinitions());
        assertFalse(meta.supportsTransactions() && !meta.supportsTransactionIsolationLevel(Connection.TRANSACTION_NONE));
        assertTrue(connection.getAutoCommit());
        assertEquals("tpch", connection.getSchema());

        assertEquals(List.of(List.of("TABLE"), List.of("VIEW"), List.of("SYSTEM TABLE")), rows(meta.getTableTypes(), "TABLE_TYPE"));
        assertTrue(rows(meta.getTypeInfo(), "TYPE_NAME").contains(List.of("BIGINT")));
        assertEquals(List.of(List.of("shoal"), List.of("system")), rows(meta.getCatalogs(), "TABLE_CAT"));
        List<List<String>> schemas = rows(meta.getSchemas("shoal", null), "TABLE_SCHEM", "TABLE_CATALOG");
        assertTrue(schemas.contains(List.of("tpch", "shoal")) && schemas.contains(List.of("information_schema", "shoal")), schemas.toString());
        assertEquals(List.of(List.of("jdbc", "system"), List.of("runtime", "system")), rows(meta.getSchemas("system", null), "TABLE_SCHEM", "TABLE_CATALOG"));

        List<List<String>> tables = rows(meta.getTables("shoal", "tpch", "%", new String[] {"TABLE", "VIEW"}), "TABLE_NAME", "TABLE_TYPE");
        assertTrue(tables.contains(List.of("nation", "TABLE")), tables.toString());
        List<List<String>> columns = rows(meta.getColumns("shoal", "tpch", "nation", "%"), "COLUMN_NAME", "TYPE_NAME", "ORDINAL_POSITION");
        assertEquals(List.of("n_nationkey", "BIGINT", "1"), columns.get(0));
        try (ResultSet keys = meta.getPrimaryKeys("shoal", "tpch", "nation")) {
            assertEquals(List.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME"), labels(keys));
            assertFalse(keys.next());
        }
        try (ResultSet imported = meta.getImportedKeys("shoal", "tpch", "nation")) {
            assertEquals("PKTABLE_CAT", labels(imported).get(0));
            assertFalse(imported.next());
        }
        try (ResultSet exported = meta.getExportedKeys("shoal", "tpch", "nation")) {
            assertFalse(exported.next());
        }
        try (ResultSet indexes = meta.getIndexInfo("shoal", "tpch", "nation", false, true)) {
            assertTrue(labels(indexes).containsAll(List.of("TABLE_CAT", "NON_UNIQUE", "INDEX_NAME", "COLUMN_NAME")));
            assertFalse(indexes.next());
        }
    }

    @Test
    void dataGripIntrospectsSchemasTablesColumnsAndRoutines() throws Exception {
        assertTrue(meta.getJDBCMajorVersion() >= 4);
        assertNotNull(meta.getUserName());
        assertTrue(rows(meta.getSchemas(), "TABLE_SCHEM").contains(List.of("tpch")));
        List<List<String>> system = rows(meta.getTables("system", "runtime", null, null), "TABLE_CAT", "TABLE_NAME", "TABLE_TYPE");
        assertEquals(List.of(List.of("system", "nodes", "SYSTEM TABLE"), List.of("system", "queries", "SYSTEM TABLE"),
                List.of("system", "tasks", "SYSTEM TABLE")), system);
        List<List<String>> all = rows(meta.getTables(null, null, null, null), "TABLE_SCHEM", "TABLE_NAME");
        assertTrue(all.contains(List.of("information_schema", "tables")) && all.contains(List.of("tpch", "lineitem")), all.toString());
        // Columns of a whole schema in one call, in table then position order.
        List<List<String>> columns = rows(meta.getColumns(null, "tpch", null, null), "TABLE_NAME", "COLUMN_NAME");
        assertTrue(columns.contains(List.of("orders", "o_orderkey")), columns.toString());
        List<List<String>> queries = rows(meta.getColumns("system", "runtime", "queries", "%"), "COLUMN_NAME", "TYPE_NAME");
        assertEquals(List.of("query_id", "VARCHAR"), queries.get(0));
        assertTrue(queries.contains(List.of("created", "TIMESTAMP")), queries.toString());
        try (ResultSet procedures = meta.getProcedures(null, null, "%")) {
            assertTrue(labels(procedures).contains("PROCEDURE_NAME"));
        }
        try (ResultSet functions = meta.getFunctions(null, null, "%")) {
            // Read from system.jdbc.functions, so the labels are lower-case, as Trino's driver's listings are.
            assertTrue(labels(functions).contains("function_name"));
            assertTrue(functions.next());
            assertNotNull(functions.getString("FUNCTION_NAME"));
        }
    }

    @Test
    void tableauListsThenReadsAQuerysColumnsWithoutRows() throws Exception {
        assertTrue(rows(meta.getCatalogs(), "TABLE_CAT").contains(List.of("shoal")));
        assertTrue(rows(meta.getTables("shoal", "tpch", "%", null), "TABLE_NAME").contains(List.of("orders")));
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            assertTrue(rs.next());
        }
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT * FROM \"tpch\".\"orders\" \"orders\" WHERE (1 = 0)")) {
            ResultSetMetaData columns = p.getMetaData();
            assertEquals("o_orderkey", columns.getColumnName(1));
            assertEquals(Types.BIGINT, columns.getColumnType(1));
            assertEquals(Types.DECIMAL, columns.getColumnType(4));
            assertEquals(15, columns.getPrecision(4));
            assertEquals(2, columns.getScale(4));
            try (ResultSet rs = p.executeQuery()) {
                assertFalse(rs.next());
            }
        }
    }
}
