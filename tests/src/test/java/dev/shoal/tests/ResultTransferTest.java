package dev.shoal.tests;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * How results reach clients: execute returns once the query runs and each call waits a bounded
 * time for rows (so a query longer than the client's HTTP timeout completes), Shoal's driver reads
 * columnar frames that give the same values as Avatica's own rows, which plain Avatica clients
 * still get.
 */
class ResultTransferTest {
    /** A cross join counted (375 million rows at SF 0.1): seconds of work before its one row. */
    /** 750 million combinations: long enough to outlast a 2 s client timeout (375 million took under 3.5 s once). */
    private static final String SLOW = "select count(*) from lineitem, nation n1, nation n2, (values 1, 2) t(x) "
            + "where l_quantity + n1.n_nationkey + n2.n_nationkey + x > 0";

    @Test
    void aQueryLongerThanTheClientsResponseTimeoutCompletes() throws Exception {
        TestCluster cluster = TestCluster.get();
        Properties properties = new Properties();
        // Standing for Avatica's default of 180 s against a query of minutes.
        properties.setProperty("http_response_timeout", "2000");
        long expected;
        try (Connection connection = cluster.connect(); Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("select count(*) * 1250 from lineitem where l_quantity > 0")) {
            rs.next();
            expected = rs.getLong(1);
        }
        try (Connection connection = cluster.driver.connect(cluster.coordinator.jdbcUrl(), properties);
             Statement s = connection.createStatement()) {
            long start = System.nanoTime();
            try (ResultSet rs = s.executeQuery(SLOW)) {
                long executed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertTrue(rs.next());
                long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertEquals(expected, rs.getLong(1));
                System.out.printf("slow query: execute returned after %d ms, its row after %d ms (client timeout 2000 ms)%n", executed,
                        elapsed);
                assumeTrue(elapsed > 3500, "the query took only " + elapsed + " ms here: too fast to outlast the client's timeout");
                assertTrue(executed < 2000, "execute returns once the query runs, not when its rows are ready: " + executed + " ms");
            }
        }
    }

    /** Every type, NULLs, a 128-bit decimal and text beyond ASCII, read by Shoal's driver and by Avatica's own client. */
    @Test
    void columnarFramesGiveTheValuesAvaticasRowsGive() throws Exception {
        String sql = "select * from (values "
                + "(1, cast(10 as bigint), 1.5e0, cast(-12.34 as decimal(15,2)), cast('123456789012345678901.5' as decimal(38,10)), "
                + "'Zürich €', date '1969-12-31', timestamp '2024-02-29 23:59:59.123456', true), "
                + "(null, null, null, null, null, null, null, null, null), "
                + "(-2147483648, cast(-9223372036854775807 as bigint), -0.0e0, cast(0 as decimal(15,2)), "
                + "cast('-99999999999999999999999999.9999999999' as decimal(38,10)), '', date '2038-01-19', "
                + "timestamp '1900-01-01 00:00:00', false)"
                + ") as t(i, b, d, m, w, s, dt, ts, f) order by i nulls last";
        TestCluster cluster = TestCluster.get();
        List<List<Object>> viaShoal;
        List<String> typesViaShoal;
        try (Connection shoal = cluster.connect()) {
            viaShoal = rows(shoal, sql);
            typesViaShoal = types(shoal, sql);
        }
        String avaticaUrl = cluster.coordinator.jdbcUrl().replace("jdbc:shoal://", "jdbc:avatica:remote:url=http://")
                + ";serialization=protobuf";
        try (Connection avatica = DriverManager.getConnection(avaticaUrl)) {
            assertEquals(rows(avatica, sql), viaShoal);
            assertEquals(types(avatica, sql), typesViaShoal);
        }
        assertEquals(3, viaShoal.size());
        assertEquals("Zürich €", viaShoal.get(1).get(5));
        assertEquals(new BigDecimal("123456789012345678901.5000000000"), viaShoal.get(1).get(4));
        assertEquals(java.util.Arrays.asList(null, null, null, null, null, null, null, null, null), viaShoal.get(2));
    }

    @Test
    void timestampsKeepTheirMicrosecondsAndGetObjectTakesJavaTimeClasses() throws Exception {
        try (Connection shoal = TestCluster.get().connect(); Statement s = shoal.createStatement();
             ResultSet rs = s.executeQuery("select timestamp '2024-02-29 23:59:59.123456' as ts, date '1969-12-31' as d, "
                     + "cast(null as timestamp) as nothing, 42 as i, 'x' as s, cast(1.5 as decimal(3,1)) as m, "
                     + "timestamp '1969-12-31 23:59:59.999999' as before, timestamp '2024-01-01 10:00:00' as whole")) {
            assertTrue(rs.next());
            assertEquals("2024-02-29 23:59:59.123456", rs.getString(1));
            assertEquals("2024-02-29 23:59:59.123456", rs.getString("ts"));
            assertEquals(123_456_000, rs.getTimestamp(1).getNanos());
            assertEquals(LocalDateTime.of(2024, 2, 29, 23, 59, 59, 123_456_000), rs.getObject(1, LocalDateTime.class));
            assertEquals(LocalDateTime.of(2024, 2, 29, 23, 59, 59, 123_456_000), rs.getObject("ts", LocalDateTime.class));
            assertEquals(123_456_000, ((java.sql.Timestamp) rs.getObject(1)).getNanos());
            assertEquals(LocalDate.of(1969, 12, 31), rs.getObject(2, LocalDate.class));
            assertNull(rs.getObject(3, LocalDateTime.class));
            assertNull(rs.getString(3));
            assertEquals(42L, rs.getObject(4, Long.class));
            assertEquals(42, rs.getObject(4, Integer.class));
            assertEquals("x", rs.getObject(5, String.class));
            assertEquals(new BigDecimal("1.5"), rs.getObject(6, BigDecimal.class));
            assertEquals("1969-12-31 23:59:59.999999", rs.getString(7));
            assertEquals(LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000), rs.getObject(7, LocalDateTime.class));
            assertEquals("2024-01-01 10:00:00", rs.getString(8), "no fraction when there is none, as CAST writes it");
            SQLException wrong = assertThrows(SQLException.class, () -> rs.getObject(5, java.util.UUID.class));
            assertEquals("22018", wrong.getSQLState(), wrong.getMessage());
        }
    }

    @Test
    void aLargeResultReadsTheSameThroughBothClients() throws Exception {
        String sql = "select l_orderkey, l_linenumber, l_comment, l_extendedprice, l_shipdate from lineitem where l_orderkey < 20000";
        TestCluster cluster = TestCluster.get();
        List<List<Object>> viaShoal;
        try (Connection shoal = cluster.connect()) {
            viaShoal = rows(shoal, sql);
        }
        String avaticaUrl = cluster.coordinator.jdbcUrl().replace("jdbc:shoal://", "jdbc:avatica:remote:url=http://")
                + ";serialization=protobuf";
        try (Connection avatica = DriverManager.getConnection(avaticaUrl)) {
            List<List<Object>> viaAvatica = rows(avatica, sql);
            assertTrue(viaShoal.size() > 10_000, viaShoal.size() + " rows: more than one frame");
            assertEquals(sorted(viaAvatica), sorted(viaShoal));
        }
    }

    private static List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> copy = new ArrayList<>(rows);
        copy.sort((a, b) -> a.toString().compareTo(b.toString()));
        return copy;
    }

    private static List<List<Object>> rows(Connection connection, String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int c = 1; c <= columns; c++) {
                    Object value = rs.getObject(c);
                    // Dates by their text, through each accessor's own formatting; timestamps to the millisecond, all
                    // Avatica's rows carry (Shoal's driver keeps the microseconds: see the test below).
                    row.add(value instanceof java.sql.Timestamp ts ? (Object) ts.getTime()
                            : value instanceof java.util.Date ? rs.getString(c) : value);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<String> types(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> types = new ArrayList<>();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                types.add(meta.getColumnLabel(c) + " " + meta.getColumnTypeName(c) + " " + meta.getColumnType(c) + " "
                        + meta.getPrecision(c) + "," + meta.getScale(c));
            }
            return types;
        }
    }
}
