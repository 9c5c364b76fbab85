package dev.shoal.tests;

import dev.shoal.parquet.store.Location;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Schemas and external tables made and dropped with SQL through the JDBC driver, kept in the suite's SQLite catalog. */
class DdlTest {
    private static Connection connection;

    @BeforeAll
    static void connect() throws Exception {
        connection = TestCluster.get().connect();
    }

    @AfterAll
    static void close() throws Exception {
        try (Statement s = connection.createStatement()) {
            s.execute("drop schema if exists ddl cascade");
        }
        connection.close();
    }

    private static void run(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            assertFalse(s.execute(sql), "DDL returns no result set: " + sql);
            assertEquals(0, s.getUpdateCount());
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<String> column(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static List<List<String>> rows(String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                    row.add(rs.getString(c));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static SQLException fails(String sql) {
        return assertThrows(SQLException.class, () -> {
            try (Statement s = connection.createStatement()) {
                s.execute(sql);
            }
        });
    }

    @Test
    void externalTablesOverExistingFilesAnswerQueriesAndGoAway() throws Exception {
        run("create schema if not exists ddl");
        run("create database if not exists ddl");
        assertEquals(List.of("ddl"), column("show schemas like 'dd_'"));

        run("create external table ddl.nations stored as parquet location 's3://lake/tpch/nation'");
        run("""
                create external table if not exists ddl.named (n_nationkey bigint comment 'key', n_name string)
                comment 'two columns of nation'
                stored as parquet location 's3://lake/tpch/nation/' tblproperties ('owner' = 'ddl test')""");
        assertEquals(List.of("named", "nations"), column("show tables in ddl"));
        assertEquals(List.of("nations"), column("show tables from ddl like '%S'"));

        assertEquals(List.of("25"), column("select count(*) from ddl.nations"));
        assertEquals(List.of("GERMANY"), column("select n_name from ddl.named where n_nationkey = 7"));
        assertEquals(column("select sum(n_regionkey) from nation"), column("select sum(n_regionkey) from ddl.nations"));

        List<List<String>> described = rows("describe ddl.named");
        assertEquals(List.of(List.of("n_nationkey", "bigint", "", ""), List.of("n_name", "varchar", "", "")), described);
        assertEquals(described, rows("show columns from ddl.named"));
        String create = column("show create table ddl.named").get(0);
        assertTrue(create.startsWith("CREATE EXTERNAL TABLE \"ddl\".\"named\" (\n   \"n_nationkey\" bigint,"), create);
        assertTrue(create.contains("LOCATION 's3://lake/tpch/nation/'") && create.contains("'owner' = 'ddl test'"), create);
        // What SHOW CREATE TABLE prints makes the same table again.
        run("drop table ddl.named");
        run(create);
        assertEquals(described, rows("describe ddl.named"));
        assertEquals(List.of("GERMANY"), column("select n_name from ddl.named where n_nationkey = 7"));

        SQLException notEmpty = fails("drop schema ddl");
        assertEquals("2BP01", notEmpty.getSQLState());
        run("drop table ddl.named");
        assertEquals("42S02", fails("select * from ddl.named").getSQLState());
        assertEquals(List.of("25"), column("select count(*) from nation"), "an external table's files stay where they were");
        run("drop schema ddl cascade");
        assertFalse(column("show schemas").contains("ddl"));
    }

    @Test
    void informationSchemaIsShownAsItIsQueried() throws Exception {
        // As Trino's: SHOW SCHEMAS lists information_schema, and its tables can be listed and described like any other.
        assertTrue(column("show schemas").contains("information_schema"));
        assertEquals(column("select schema_name from information_schema.schemata order by 1"), column("show schemas"));
        assertEquals(column("select table_name from information_schema.tables where table_schema = 'information_schema' order by 1"),
                column("show tables from information_schema"));
        List<List<String>> described = rows("describe information_schema.tables");
        assertEquals(List.of("table_catalog", "table_schema", "table_name", "table_type"), described.stream().map(r -> r.get(0)).toList());
        assertEquals(described, rows("show columns from information_schema.tables"));
        assertEquals("42S02", fails("describe information_schema.nope").getSQLState());

        // SHOW SCHEMAS FROM a catalog of SHOW CATALOGS, as Trino's.
        assertEquals(column("show schemas"), column("show schemas from shoal"));
        assertTrue(column("show schemas in system").contains("runtime"), column("show schemas in system").toString());
        SQLException unknown = fails("show schemas from nope");
        assertEquals("3D000", unknown.getSQLState());
        assertTrue(unknown.getMessage().contains("catalog nope does not exist"), unknown.getMessage());
        // SHOW TABLES FROM catalog.schema.
        assertTrue(column("show tables from system.runtime").containsAll(List.of("queries", "tasks")),
                column("show tables from system.runtime").toString());
        assertEquals(column("show tables from information_schema"), column("show tables from shoal.information_schema"));
        assertEquals("3F000", fails("show tables from system.nope").getSQLState());
        assertEquals("3D000", fails("show tables from nope.tpch").getSQLState());
    }

    @Test
    void namesQualifiedWithTheCatalogFindTheSameTables() throws Exception {
        // As BI tools write them from JDBC's TABLE_CAT, and as Trino's are: catalog.schema.table.
        run("create schema if not exists ddl_cat");
        run("create external table ddl_cat.nations stored as parquet location 's3://lake/tpch/nation'");
        try {
            assertEquals(List.of("25"), column("select count(*) from shoal.ddl_cat.nations"));
            assertEquals(List.of("25"), column("select count(*) from shoal.ddl_cat.nations n join ddl_cat.nations m on n.n_nationkey = m.n_nationkey"));
            assertEquals(List.of("nations"), column("select table_name from shoal.information_schema.tables where table_schema = 'ddl_cat'"));
            assertEquals("42S02", fails("select * from nope.ddl_cat.nations").getSQLState());
        } finally {
            run("drop schema ddl_cat cascade");
        }
    }

    @Test
    void useAndSetSchemaChooseWhereUnqualifiedNamesAreFoundOnThatConnectionOnly() throws Exception {
        run("create schema if not exists ddl_use");
        run("create external table if not exists ddl_use.regions stored as parquet location 's3://lake/tpch/region/'");
        try (Connection other = TestCluster.get().connect(); Statement s = other.createStatement()) {
            assertEquals("tpch", other.getSchema(), "the coordinator's default before any USE");
            s.execute("use ddl_use");
            assertEquals("ddl_use", other.getSchema(), "getSchema() follows USE");
            try (ResultSet rs = s.executeQuery("select count(*) from regions")) {
                rs.next();
                assertEquals(5, rs.getLong(1));
            }
            try (ResultSet rs = s.executeQuery("show tables")) {
                rs.next();
                assertEquals("regions", rs.getString(1));
            }
            other.setSchema("tpch");
            assertEquals("tpch", other.getSchema());
            try (ResultSet rs = s.executeQuery("select count(*) from nation")) {
                rs.next();
                assertEquals(25, rs.getLong(1));
            }
            SQLException unknown = assertThrows(SQLException.class, () -> s.execute("use nowhere"));
            assertEquals("3F000", unknown.getSQLState());
        }
        assertEquals("42S02", fails("select count(*) from regions").getSQLState(), "another connection keeps its own schema");
        run("drop schema ddl_use cascade");
    }

    @Test
    void alterTableRenamesAndAddsAColumnThatOlderFilesReadAsNull() throws Exception {
        run("create schema if not exists ddl_alter");
        execute("create table ddl_alter.flags as select l_returnflag, count(*) as n from lineitem group by l_returnflag");
        run("alter table ddl_alter.flags rename to ddl_alter.returnflags");
        assertEquals("42S02", fails("select * from ddl_alter.flags").getSQLState());
        assertEquals(List.of("3"), column("select count(*) from ddl_alter.returnflags"), "the files came along");
        run("alter table ddl_alter.returnflags add column note varchar comment 'added later'");
        assertEquals(List.of(List.of("l_returnflag", "varchar", "", ""), List.of("n", "bigint", "", ""), List.of("note", "varchar", "", "")),
                rows("describe ddl_alter.returnflags"));
        assertEquals(List.of("3"), column("select count(*) from ddl_alter.returnflags where note is null"));
        execute("insert into ddl_alter.returnflags values ('Z', 0, 'new')");
        assertEquals(List.of("new"), column("select note from ddl_alter.returnflags where note is not null"));
        assertEquals("42S01", fails("alter table ddl_alter.returnflags add column n bigint").getSQLState());
        assertEquals("42S02", fails("alter table ddl_alter.nothing rename to ddl_alter.something").getSQLState());
        run("drop schema ddl_alter cascade");
    }

    @Test
    void badDdlNamesTheProblemAndChangesNothing() throws Exception {
        run("create schema if not exists ddl_bad");
        List<String> before = column("show tables in ddl_bad");

        SQLException empty = fails("create external table ddl_bad.t stored as parquet location 's3://lake/no/such/prefix/'");
        assertTrue(empty.getMessage().contains("no Parquet files under s3://lake/no/such/prefix/ for table ddl_bad.t"),
                empty.getMessage());
        TestCluster cluster = TestCluster.get();
        cluster.stores.write(Location.parse("s3://lake/readme/README.txt"), "not data".getBytes(StandardCharsets.UTF_8));
        cluster.stores.write(Location.parse("s3://lake/readme/part-1.parquet"),
                Files.readAllBytes(cluster.tableDir("region").resolve("part-1.parquet")));
        SQLException readme = fails("create external table ddl_bad.t stored as parquet location 's3://lake/readme/'");
        assertTrue(readme.getMessage().contains("s3://lake/readme/README.txt"), "the message names the file: " + readme.getMessage());
        SQLException orc = fails("create external table ddl_bad.t stored as orc location 's3://lake/tpch/nation/'");
        assertEquals("0A000", orc.getSQLState());
        assertTrue(orc.getMessage().contains("STORED AS ORC"), orc.getMessage());
        SQLException schema = fails("create external table nowhere.t stored as parquet location 's3://lake/tpch/nation/'");
        assertEquals("3F000", schema.getSQLState());
        SQLException type = fails("create external table ddl_bad.t (a map) stored as parquet location 's3://lake/tpch/nation/'");
        assertTrue(type.getMessage().contains("column a: type MAP is not supported"), type.getMessage());
        SQLException duplicate = fails("create schema ddl_bad");
        assertEquals("42S01", duplicate.getSQLState());
        assertEquals("42S02", fails("drop table ddl_bad.missing").getSQLState());

        assertEquals(before, column("show tables in ddl_bad"));
        run("drop schema ddl_bad");
    }
}
