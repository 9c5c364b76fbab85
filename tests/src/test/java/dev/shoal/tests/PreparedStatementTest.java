package dev.shoal.tests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JDBC's ? parameters, bound as literals at execute, and prepare errors reported whole. */
class PreparedStatementTest {
    private static Connection connection;

    @BeforeAll
    static void connect() throws Exception {
        connection = TestCluster.get().connect();
    }

    @AfterAll
    static void close() throws Exception {
        try (Statement s = connection.createStatement()) {
            s.execute("drop schema if exists params cascade");
        }
        connection.close();
    }

    private static List<String> column(PreparedStatement statement) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    @Test
    void parametersOfEachTypeBindAndRebind() throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(
                "select n_name from nation where n_nationkey = ? or n_name = ? order by n_name")) {
            assertEquals(2, statement.getParameterMetaData().getParameterCount());
            statement.setInt(1, 7);
            statement.setString(2, "FRANCE");
            assertEquals(List.of("FRANCE", "GERMANY"), column(statement));
            statement.setLong(1, 8);
            statement.setNull(2, Types.VARCHAR);
            assertEquals(List.of("INDIA"), column(statement), "executed again with other values");
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "select count(*) from orders where o_orderdate >= ? and o_totalprice > ?")) {
            statement.setDate(1, Date.valueOf("1998-01-01"));
            statement.setBigDecimal(2, new BigDecimal("100000.50"));
            try (Statement plain = connection.createStatement();
                 ResultSet expected = plain.executeQuery(
                         "select count(*) from orders where o_orderdate >= date '1998-01-01' and o_totalprice > 100000.50")) {
                expected.next();
                assertEquals(List.of(expected.getString(1)), column(statement));
            }
        }
    }

    @Test
    void insertTakesParameters() throws Exception {
        try (Statement s = connection.createStatement()) {
            s.execute("create schema if not exists params");
            s.execute("create table params.t as select n_nationkey as k, n_name as name from nation where n_nationkey < 0");
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into params.t values (?, ?)")) {
            insert.setLong(1, 1);
            insert.setString(2, "one");
            assertEquals(1, insert.executeUpdate());
            insert.setLong(1, 2);
            insert.setString(2, "two");
            assertEquals(1, insert.executeUpdate());
        }
        try (PreparedStatement select = connection.prepareStatement("select name from params.t order by k")) {
            assertEquals(List.of("one", "two"), column(select));
        }
    }

    @Test
    void aBadStatementOrAMissingValueIsReportedWhole() throws Exception {
        try (PreparedStatement statement = connection.prepareStatement("selec 1")) {
            SQLException e = assertThrows(SQLException.class, statement::executeQuery);
            assertEquals("42000", e.getSQLState());
            assertTrue(e.getMessage().contains("syntax error at line 1, column 1"), e.getMessage());
        }
        try (PreparedStatement statement = connection.prepareStatement("select * from nation where n_nationkey = ? and n_regionkey = ?")) {
            statement.setInt(1, 1);
            SQLException e = assertThrows(SQLException.class, statement::executeQuery);
            assertTrue(e.getMessage().contains("parameter 2 has no value"), e.getMessage());
        }
    }
}
