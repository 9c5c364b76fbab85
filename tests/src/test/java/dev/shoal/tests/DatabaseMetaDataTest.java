package dev.shoal.tests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What BI tools' navigators call, through the shaded driver: catalogs, schemas, tables, columns, types. */
class DatabaseMetaDataTest {
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

    private static List<String> column(ResultSet rs, String name) throws SQLException {
        List<String> values = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                values.add(rs.getString(name));
            }
        }
        return values;
    }

    @Test
    void theEngineAndItsIdentifierRulesAreShoals() throws Exception {
        assertEquals("Shoal", meta.getDatabaseProductName());
        assertEquals("0.1.0", meta.getDatabaseProductVersion());
        assertTrue(meta.storesLowerCaseIdentifiers() && !meta.storesUpperCaseIdentifiers() && !meta.storesMixedCaseIdentifiers());
        assertFalse(meta.supportsBatchUpdates(), "batches fail, so the metadata says so");
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("select count(*) from \"NATION\"")) {
            rs.next();
            assertEquals(25, rs.getInt(1), "a quoted name matches ignoring case, as storesLowerCaseQuotedIdentifiers says");
        }
    }

    @Test
    void catalogsSchemasAndTablesList() throws Exception {
        assertEquals(List.of("shoal", "system"), column(meta.getCatalogs(), "TABLE_CAT"));
        assertTrue(column(meta.getSchemas(), "TABLE_SCHEM").contains("tpch"));
        assertEquals(List.of("tpch"), column(meta.getSchemas("shoal", "tp%"), "TABLE_SCHEM"));
        List<String> tables = column(meta.getTables(null, "tpch", "%", new String[] {"TABLE"}), "TABLE_NAME");
        assertTrue(tables.containsAll(List.of("lineitem", "nation", "orders", "region")), tables.toString());
        assertEquals(List.of("nation"), column(meta.getTables(null, "tpch", "nat_on", null), "TABLE_NAME"));
        assertEquals(List.of("TABLE", "VIEW", "SYSTEM TABLE"), column(meta.getTableTypes(), "TABLE_TYPE"));
    }

    @Test
    void columnsCarryJdbcTypesInOrder() throws Exception {
        List<String> names = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(null, "tpch", "nation", "%")) {
            while (rs.next()) {
                names.add(rs.getString("COLUMN_NAME"));
                types.add(((Number) rs.getObject("DATA_TYPE")).intValue());
                assertEquals(names.size(), rs.getInt("ORDINAL_POSITION"));
            }
        }
        assertEquals(List.of("n_nationkey", "n_name", "n_regionkey", "n_comment"), names);
        assertEquals(Types.VARCHAR, types.get(1));
        assertEquals(Types.BIGINT, types.get(0), "a negative type code reads back (BIGINT is -5)");
        try (ResultSet rs = meta.getColumns(null, "tpch", "lineitem", "l_extendedprice")) {
            assertTrue(rs.next());
            assertEquals(Types.DECIMAL, rs.getInt("DATA_TYPE"));
            assertEquals(15, rs.getInt("COLUMN_SIZE"));
            assertEquals(2, rs.getInt("DECIMAL_DIGITS"));
            assertFalse(rs.next());
        }
        assertTrue(column(meta.getTypeInfo(), "TYPE_NAME").containsAll(List.of("BIGINT", "VARCHAR", "DECIMAL", "DATE")));
    }

    @Test
    void whatDdlCreatesIsListed() throws Exception {
        try (Statement s = connection.createStatement()) {
            s.execute("create schema if not exists browse");
            s.execute("create external table if not exists browse.regions stored as parquet location 's3://lake/tpch/region/'");
        }
        try {
            assertTrue(column(meta.getSchemas(), "TABLE_SCHEM").contains("browse"));
            assertEquals(List.of("regions"), column(meta.getTables(null, "browse", null, null), "TABLE_NAME"));
            assertEquals(List.of("r_regionkey", "r_name", "r_comment"), column(meta.getColumns(null, "browse", "regions", null),
                    "COLUMN_NAME"));
        } finally {
            try (Statement s = connection.createStatement()) {
                s.execute("drop schema browse cascade");
            }
        }
    }

    @Test
    void listingsATableHasNoneOfAreEmpty() throws Exception {
        assertEquals(List.of(), column(meta.getPrimaryKeys(null, "tpch", "nation"), "COLUMN_NAME"));
        assertEquals(List.of(), column(meta.getImportedKeys(null, "tpch", "nation"), "PKCOLUMN_NAME"));
        assertEquals(List.of(), column(meta.getIndexInfo(null, "tpch", "nation", false, true), "INDEX_NAME"));
    }
}
