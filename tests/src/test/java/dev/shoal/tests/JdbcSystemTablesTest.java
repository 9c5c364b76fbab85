package dev.shoal.tests;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Trino's system.jdbc tables answer what DatabaseMetaData answers, for tools that query them instead. */
class JdbcSystemTablesTest {
    private static List<List<Object>> rows(ResultSet rs, String... columns) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (String column : columns) {
                    Object value = rs.getObject(column);
                    row.add(value instanceof Number n ? (Object) n.longValue() : value);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void tablesAndColumnsListWhatTheMetadataApiLists() throws Exception {
        try (Connection shoal = TestCluster.get().connect(); Statement s = shoal.createStatement()) {
            DatabaseMetaData meta = shoal.getMetaData();
            List<List<Object>> tables = rows(s.executeQuery("select table_cat, table_schem, table_name, table_type from system.jdbc.tables "
                    + "where table_schem = 'tpch' order by table_name"), "table_cat", "table_schem", "table_name", "table_type");
            assertEquals(rows(meta.getTables(null, "tpch", "%", null), "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE"), tables);
            assertTrue(tables.size() >= 8, tables.toString());

            String[] columnNames = {"table_name", "column_name", "data_type", "type_name", "column_size", "decimal_digits", "ordinal_position",
                "is_nullable"};
            List<List<Object>> columns = rows(s.executeQuery("select * from system.jdbc.columns where table_schem = 'tpch' "
                    + "and table_name = 'orders' order by ordinal_position"), columnNames);
            String[] apiNames = java.util.Arrays.stream(columnNames).map(n -> n.toUpperCase(java.util.Locale.ROOT)).toArray(String[]::new);
            assertEquals(rows(meta.getColumns(null, "tpch", "orders", "%"), apiNames), columns);
            assertEquals(List.of("orders", "o_totalprice", 3L, "DECIMAL", 15L, 2L, 4L, "YES"), columns.get(3));
        }
    }

    @Test
    void theOtherListingsAndTheJdbcTablesThemselves() throws Exception {
        try (Connection shoal = TestCluster.get().connect(); Statement s = shoal.createStatement()) {
            assertEquals(List.of(List.of("shoal"), List.of("system")),
                    rows(s.executeQuery("select table_cat from system.jdbc.catalogs order by 1"), "table_cat"));
            assertEquals(List.of(List.of("SYSTEM TABLE"), List.of("TABLE"), List.of("VIEW")),
                    rows(s.executeQuery("select table_type from system.jdbc.table_types order by 1"), "table_type"));
            assertEquals(List.of(List.of("catalogs"), List.of("columns"), List.of("functions"), List.of("schemas"), List.of("table_types"), List.of("tables"),
                    List.of("types")), rows(s.executeQuery("select table_name from system.jdbc.tables where table_cat = 'system' "
                    + "and table_schem = 'jdbc' and table_type = 'SYSTEM TABLE' order by 1"), "table_name"));
            assertTrue(rows(s.executeQuery("select table_schem from system.jdbc.schemas where table_catalog = 'shoal'"), "table_schem")
                    .contains(List.of("tpch")));
            assertEquals(List.of(List.of("BIGINT", 19L)),
                    rows(s.executeQuery("select type_name, precision from system.jdbc.types where data_type = -5"), "type_name", "precision"));
        }
    }
}
