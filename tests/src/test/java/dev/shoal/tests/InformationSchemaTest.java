package dev.shoal.tests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** information_schema answers what DESCRIBE, SHOW and JDBC's metadata answer, and plans as any table does. */
class InformationSchemaTest {
    private static TestCluster cluster;
    private static Connection shoal;

    @BeforeAll
    static void start() throws Exception {
        cluster = TestCluster.get();
        shoal = cluster.connect();
        try (Statement s = shoal.createStatement()) {
            s.execute("create schema if not exists infos");
            s.execute("create or replace view infos.rich as select c_name from customer where c_acctbal > 9000");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        try (Statement s = shoal.createStatement()) {
            s.execute("drop schema if exists infos cascade");
        }
        shoal.close();
    }

    private static List<String> rows(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = shoal.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                out.add(String.join("|", row));
            }
        }
        return out;
    }

    @Test
    void columnsMatchDescribeAndTablesMatchShowTables() throws Exception {
        List<String> described = rows("describe tpch.lineitem").stream().map(r -> r.split("\\|")[0] + "|" + r.split("\\|")[1]).toList();
        assertEquals(described, rows("select column_name, data_type from information_schema.columns "
                + "where table_schema = 'tpch' and table_name = 'lineitem' order by ordinal_position"));
        assertEquals(rows("show tables in infos"), rows("select table_name from information_schema.tables where table_schema = 'infos'"));
        assertEquals(List.of("rich|VIEW"), rows("select table_name, table_type from information_schema.tables where table_schema = 'infos'"));
        assertEquals(List.of("select c_name from customer where c_acctbal > 9000"),
                rows("select view_definition from information_schema.views where table_name = 'rich'"));
        List<String> schemas = rows("select schema_name from information_schema.schemata");
        assertTrue(schemas.contains("tpch") && schemas.contains("infos") && schemas.contains("information_schema"), schemas.toString());
    }

    @Test
    void itJoinsAndAggregatesLikeAnyTable() throws Exception {
        int jdbcColumns = 0;
        try (ResultSet rs = shoal.getMetaData().getColumns(null, "tpch", "%", "%")) {
            while (rs.next()) {
                jdbcColumns++;
            }
        }
        assertEquals(List.of(String.valueOf(jdbcColumns)), rows("select count(*) from information_schema.tables t "
                + "join information_schema.columns c on t.table_schema = c.table_schema and t.table_name = c.table_name "
                + "where t.table_schema = 'tpch'"));
        SQLException taken = assertThrows(SQLException.class, () -> rows("create schema information_schema"));
        assertTrue(taken.getMessage().contains("information_schema"), taken.getMessage());
    }
}
