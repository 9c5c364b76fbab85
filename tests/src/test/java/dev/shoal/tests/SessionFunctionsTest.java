package dev.shoal.tests;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** current_user, current_schema, version(), current_timestamp, now() and localtimestamp, as a client session sees them. */
class SessionFunctionsTest {
    private static TestCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        cluster = TestCluster.get();
    }

    private static Connection connect(String user) throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        return cluster.driver.connect(cluster.coordinator.jdbcUrl(), properties);
    }

    @Test
    void theSessionsUserSchemaAndTheVersionAreConstants() throws Exception {
        try (Connection c = connect("alice"); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select current_user, current_schema, version()")) {
                rs.next();
                assertEquals("alice", rs.getString(1));
                assertEquals("tpch", rs.getString(2));
                assertEquals("0.1.0", rs.getString(3));
            }
            s.execute("create schema if not exists session_fns");
            s.execute("use session_fns");
            try (ResultSet rs = s.executeQuery("select current_schema")) {
                rs.next();
                assertEquals("session_fns", rs.getString(1), "USE changes current_schema");
            }
            s.execute("use tpch");
            s.execute("drop schema session_fns");
        }
        try (Connection c = connect(null); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select current_user")) {
            rs.next();
            assertEquals("anonymous", rs.getString(1), "a client that names no user");
        }
    }

    @Test
    void theUrlsSchemaAndUserAreTheSessions() throws Exception {
        try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
            s.execute("create schema if not exists url_schema");
        }
        String url = cluster.coordinator.jdbcUrl() + "/url_schema?user=carol";
        try (Connection c = cluster.driver.connect(url, new Properties()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select current_user, current_schema")) {
            rs.next();
            assertEquals("carol", rs.getString(1));
            assertEquals("url_schema", rs.getString(2));
            assertEquals("url_schema", c.getSchema());
        }
        SQLException unknown = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                () -> cluster.driver.connect(cluster.coordinator.jdbcUrl() + "?colour=red", new Properties()));
        assertTrue(unknown.getMessage().contains("unknown URL parameter colour"), unknown.getMessage());
        try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
            s.execute("drop schema url_schema");
        }
    }

    @Test
    void everyClockFunctionReadsTheStatementsStartOnEveryRow() throws Exception {
        LocalDateTime before = LocalDateTime.now(ZoneOffset.UTC).withNano(0);
        try (Connection c = connect("bob"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select current_timestamp, now(), localtimestamp, current_date, "
                     + "count(distinct now()) from lineitem")) {
            rs.next();
            Timestamp now = rs.getTimestamp(1);
            assertEquals(now, rs.getTimestamp(2));
            assertEquals(now, rs.getTimestamp(3));
            LocalDateTime utc = now.toLocalDateTime();
            assertTrue(!utc.isBefore(before.minusSeconds(1)) && Duration.between(before, utc).toSeconds() < 30,
                    "the statement's start in UTC: " + utc + ", test began " + before);
            assertEquals(utc.toLocalDate(), rs.getDate(4).toLocalDate());
            assertEquals(1, rs.getLong(5), "one value for the whole query");
        }
    }
}
