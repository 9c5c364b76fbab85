package dev.shoal.tests;

import dev.shoal.catalog.StoredCatalog;
import dev.shoal.catalog.discovery.ExternalTables;
import dev.shoal.coordinator.CoordinatorConfig;
import dev.shoal.launcher.local.EmbeddedCluster;
import dev.shoal.parquet.store.Location;
import dev.shoal.tests.oracle.Comparison;
import dev.shoal.tests.oracle.OrderKeys;
import dev.shoal.tests.oracle.ResultRows;
import dev.shoal.tests.tpcds.TpcdsData;
import dev.shoal.tests.tpcds.TpcdsQueries;
import dev.shoal.tests.tpcds.TpcdsQueries.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 103 TPC-DS query files, unchanged, on a coordinator with two workers over TPC-DS SF 0.1
 * (generated once into {@code target/tpcds}, written by DuckDB, served by the suite's S3 server),
 * compared with DuckDB over the same files: in order where the query orders. The SF 1 comparison,
 * where every query returns rows, runs in {@code benchmarks/run-tpcds}.
 */
class TpcdsQueryTest {
    private static final double SCALE = 0.1;

    /**
     * Queries whose answer differs from DuckDB's at SF 0.1 today (by the start of Shoal's error, when it fails), and why; each must still differ
     * (a query that starts to match must leave this list). The open TPC-DS issue holds them.
     */
    private static final Map<String, String> KNOWN_DIFFERENCES = Map.of(
            // At SF 0.1 the evening count pmc is 0: Trino fails with division by zero, as Shoal does;
            // DuckDB answers NULL.
            "q90", "DIVISION_BY_ZERO");

    /**
     * Queries whose ORDER BY leaves rows tied on every key at SF 0.1 where a key is an expression, not
     * an output column, so that {@link OrderKeys} cannot find the ties: compared as multisets. (Ties
     * on output-column keys are found and compared run by run, for every query.)
     */
    private static final Map<String, String> ORDER_TIES = Map.of(
            "q47", "sum_sales - avg_monthly_sales and s_store_name tie for Music/amalgscholar #1 and Shoes/exportiedu pack #1 (-685.39, able)");

    private static EmbeddedCluster cluster;
    private static Connection shoal;
    private static Connection duck;

    @BeforeAll
    static void start() throws Exception {
        TestCluster shared = TestCluster.get();
        Path data = TpcdsData.ensure(Path.of("target", "tpcds"), SCALE);
        StoredCatalog catalog = StoredCatalog.temporary();
        for (String table : TpcdsData.tableNames()) {
            try (Stream<Path> files = Files.list(data.resolve(table))) {
                for (Path file : files.toList()) {
                    shared.stores.write(Location.parse("s3://lake/tpcds/" + table + "/" + file.getFileName()), Files.readAllBytes(file));
                }
            }
            catalog.createTable(ExternalTables.define(shared.stores, "tpcds." + table + "=s3://lake/tpcds/" + table + "/"));
        }
        cluster = EmbeddedCluster.start(CoordinatorConfig.defaults("127.0.0.1", 0, 0, "tpcds"), catalog, shared.stores, 2);
        shoal = shared.driver.connect(cluster.jdbcUrl(), new Properties());
        duck = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = duck.createStatement()) {
            s.execute("SET autoinstall_known_extensions=false");
            s.execute("SET threads=2");
        }
        TpcdsData.createDuckDbViews(duck, data);
    }

    @AfterAll
    static void stop() throws Exception {
        shoal.close();
        duck.close();
        cluster.close();
    }

    static List<Query> queries() {
        return TpcdsQueries.load(Path.of(System.getProperty("shoal.tpcdsQueries", "tpcds/queries")));
    }

    /**
     * Each query at SF 0.1 takes a second or two; the bound catches a scan left waiting out the 30 s a dynamic filter
     * may take to arrive (a filter no task of its worker publishes), which still answers right, 30 s late.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    @Timeout(value = 25, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void answersEqualDuckDb(Query query) throws Exception {
        ResultRows expected;
        try (Statement statement = duck.createStatement(); ResultSet rs = statement.executeQuery(query.duckDbSql())) {
            expected = ResultRows.read(rs);
        }
        ResultRows actual;
        try (Statement statement = shoal.createStatement(); ResultSet rs = statement.executeQuery(query.sql())) {
            actual = ResultRows.read(rs);
        } catch (SQLException e) {
            String known = KNOWN_DIFFERENCES.get(query.name());
            assertNotNull(known, query.name() + " failed: " + e.getMessage());
            assertTrue(e.getMessage().startsWith(known + ": "), query.name() + " fails otherwise than listed: " + e.getMessage());
            return;
        }
        Comparison comparison = Comparison.of(actual, expected, query.sql().toLowerCase(Locale.ROOT).contains("order by"),
                OrderKeys.of(query.sql()));
        if (KNOWN_DIFFERENCES.containsKey(query.name())) {
            assertFalse(comparison.equal(),
                    query.name() + " now equals DuckDB's answer: take it off KNOWN_DIFFERENCES");
            return;
        }
        if (ORDER_TIES.containsKey(query.name()) && comparison.verdict() == Comparison.Verdict.EQUAL_AS_MULTISET) {
            return;
        }
        assertTrue(comparison.equal(), query.name() + ": " + comparison.detail());
    }
}
