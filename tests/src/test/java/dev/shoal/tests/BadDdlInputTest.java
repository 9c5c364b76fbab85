package dev.shoal.tests;

import dev.shoal.core.catalog.TableDefinition;
import dev.shoal.parquet.store.Location;
import dev.shoal.parquet.store.ObjectInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each bad DDL or write statement fails with a SQLSTATE and a message naming the table, file,
 * column or property at fault, and leaves the catalog and the lake exactly as they were: both are
 * listed before and after.
 */
class BadDdlInputTest {
    private static TestCluster cluster;
    private static Connection shoal;

    @BeforeAll
    static void start() throws Exception {
        cluster = TestCluster.get();
        shoal = cluster.connect();
        run("create schema if not exists bad");
        run("create table bad.small as select n_nationkey, n_name from nation");
        Path nationFile;
        try (var files = Files.list(cluster.tableDir("nation"))) {
            nationFile = files.filter(f -> f.toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        Path regionFile;
        try (var files = Files.list(cluster.tableDir("region"))) {
            regionFile = files.filter(f -> f.toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        // Two files that give one column two types: a BIGINT n_nationkey, and DuckDB's copy with it as VARCHAR.
        Path conflicting = cluster.dataDir.resolve("lake/conflicting");
        Files.createDirectories(conflicting);
        Files.copy(nationFile, conflicting.resolve("a.parquet"));
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duck.createStatement()) {
            s.execute("copy (select cast(n_nationkey as varchar) as n_nationkey, n_name from read_parquet('" + nationFile
                    + "')) to '" + conflicting.resolve("b.parquet") + "' (format parquet)");
        }
        Path markersOnly = cluster.dataDir.resolve("lake/markers");
        Files.createDirectories(markersOnly);
        Files.writeString(markersOnly.resolve("_SUCCESS"), "");
        Files.copy(regionFile, markersOnly.resolve(".hidden.parquet"));
    }

    @AfterAll
    static void stop() throws Exception {
        run("drop schema if exists bad cascade");
        shoal.close();
    }

    private static void run(String sql) throws SQLException {
        try (Statement s = shoal.createStatement()) {
            s.execute(sql);
        }
    }

    static Stream<Arguments> statements() {
        return Stream.of(
                Arguments.of("create external table bad.t stored as parquet location 's3://lake/no/such/prefix/'", "HY000",
                        "no Parquet files under s3://lake/no/such/prefix/"),
                Arguments.of("create external table bad.t stored as parquet location 's3://lake/markers/'", "HY000",
                        "no Parquet files under s3://lake/markers/"),
                Arguments.of("create external table bad.t stored as parquet location 's3://lake/conflicting/'", "42804",
                        "column n_nationkey is BIGINT in s3://lake/conflicting/a.parquet but VARCHAR in s3://lake/conflicting/b.parquet"),
                Arguments.of("create external table bad.t stored as orc location 's3://lake/tpch/nation/'", "0A000", "STORED AS ORC"),
                Arguments.of("create table bad.small as select 1 as x", "42S01", "table bad.small already exists"),
                Arguments.of("create table bad.t with (colour = 'red') as select 1 as x", "22018", "unknown table property colour"),
                Arguments.of("create table bad.t with (partitioned_by = ARRAY['n_regionkey']) as select n_nationkey, n_name from nation",
                        "22018", "partition column n_regionkey is not a column of the query"),
                Arguments.of("insert into bad.small select n_nationkey from nation", "22018", "gives 1 column(s) for 2"),
                Arguments.of("insert into bad.small select n_name, n_nationkey from nation", "42804",
                        "column n_nationkey is BIGINT, the query gives VARCHAR"),
                Arguments.of("insert into bad.nosuch select 1", "42S02", "table bad.nosuch does not exist"),
                Arguments.of("insert into tpch.nation select * from tpch.nation", "0A000", "tpch.nation is read by listing its location"),
                Arguments.of("drop table bad.nosuch", "42S02", "table bad.nosuch does not exist"),
                Arguments.of("alter table bad.small add partition (n_name = 'x')", "0A000", "table bad.small is not partitioned"),
                Arguments.of("msck repair table bad.nosuch", "42S02", "table bad.nosuch does not exist"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statements")
    void failsByNameAndChangesNothing(String sql, String sqlState, String message) throws Exception {
        String catalogBefore = catalogListing();
        List<ObjectInfo> lakeBefore = cluster.stores.list(Location.parse("s3://lake/"));
        SQLException e = assertThrows(SQLException.class, () -> run(sql));
        assertEquals(sqlState, e.getSQLState(), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(!e.getMessage().contains("\tat ") && !e.getMessage().contains("dev.shoal."), "no stack trace or class name: " + e.getMessage());
        assertEquals(catalogBefore, catalogListing(), "the catalog is as it was");
        assertEquals(lakeBefore, cluster.stores.list(Location.parse("s3://lake/")), "the lake is as it was");
    }

    /** Every schema, table (with its columns, files and partitions) and view, as text. */
    private static String catalogListing() {
        List<String> lines = new ArrayList<>();
        for (String schema : cluster.catalog.schemas()) {
            lines.add("schema " + schema);
            for (TableDefinition table : cluster.catalog.tables(schema)) {
                lines.add(table.toString());
            }
            cluster.catalog.views(schema).forEach(view -> lines.add(view.toString()));
        }
        return String.join("\n", lines);
    }
}
