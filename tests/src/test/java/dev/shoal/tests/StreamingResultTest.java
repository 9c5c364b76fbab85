package dev.shoal.tests;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Large results arrive over many frames; metadata carries SQL types a BI tool can use. */
class StreamingResultTest {
    @Test
    void wholeTableStreamsInFramesWithEveryRow() throws Exception {
        try (Connection connection = TestCluster.get().connect(); Statement statement = connection.createStatement()) {
            statement.setFetchSize(1000);
            long rows = 0;
            long keySum = 0;
            try (ResultSet rs = statement.executeQuery("select l_orderkey, l_comment from lineitem")) {
                while (rs.next()) {
                    rows++;
                    keySum += rs.getLong(1);
                }
            }
            long expectedSum;
            try (ResultSet rs = statement.executeQuery("select count(*), sum(l_orderkey) from lineitem")) {
                rs.next();
                assertEquals(rs.getLong(1), rows);
                expectedSum = rs.getLong(2);
            }
            assertEquals(expectedSum, keySum);
            assertTrue(rows > 500_000, "SF 0.1 lineitem has about 600k rows, got " + rows);
        }
    }

    @Test
    void setMaxRowsCutsTheResultAcrossFramesAndTheConnectionGoesOn() throws Exception {
        try (Connection connection = TestCluster.get().connect(); Statement statement = connection.createStatement()) {
            statement.setMaxRows(2500);
            statement.setFetchSize(1000);
            int rows = 0;
            try (ResultSet rs = statement.executeQuery("select l_orderkey from lineitem")) {
                while (rs.next()) {
                    rows++;
                }
            }
            assertEquals(2500, rows, "three frames: 1000, 1000 and the last 500");
            statement.setMaxRows(0);
            try (ResultSet rs = statement.executeQuery("select count(*) from (select l_orderkey from lineitem limit 3000)")) {
                rs.next();
                assertEquals(3000, rs.getLong(1), "0 is no limit again");
            }
        }
    }

    @Test
    void aPreparedStatementsMaxRowsEndsItsResultToo() throws Exception {
        try (Connection connection = TestCluster.get().connect();
             java.sql.PreparedStatement prepared = connection.prepareStatement("select l_orderkey from lineitem where l_quantity > ?")) {
            prepared.setInt(1, 0);
            prepared.setMaxRows(1500);
            prepared.setFetchSize(1000);
            int rows = 0;
            try (ResultSet rs = prepared.executeQuery()) {
                while (rs.next()) {
                    rows++;
                }
            }
            assertEquals(1500, rows);
            prepared.setLargeMaxRows(7);
            rows = 0;
            try (ResultSet rs = prepared.executeQuery()) {
                while (rs.next()) {
                    rows++;
                }
            }
            assertEquals(7, rows, "reusable, with the new limit");
        }
    }

    @Test
    void columnMetadataHasTypesPrecisionAndLowerCaseNames() throws Exception {
        try (Connection connection = TestCluster.get().connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select l_orderkey, l_extendedprice, l_shipdate, l_comment, l_linenumber from lineitem limit 1")) {
            ResultSetMetaData meta = rs.getMetaData();
            assertEquals("l_orderkey", meta.getColumnLabel(1));
            assertEquals(Types.BIGINT, meta.getColumnType(1));
            assertEquals(Types.DECIMAL, meta.getColumnType(2));
            assertEquals(15, meta.getPrecision(2));
            assertEquals(2, meta.getScale(2));
            assertEquals(Types.DATE, meta.getColumnType(3));
            assertEquals(Types.VARCHAR, meta.getColumnType(4));
            assertEquals(Types.INTEGER, meta.getColumnType(5));
            assertTrue(rs.next());
            assertTrue(rs.getDate(3).toLocalDate().getYear() >= 1992);
        }
    }

    @Test
    void unnamedColumnsAreNamedByPositionAsInTrino() throws Exception {
        try (Connection connection = TestCluster.get().connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select l_returnflag, count(*), max(l_orderkey) as top, min(l_orderkey) "
                     + "from lineitem group by l_returnflag")) {
            ResultSetMetaData meta = rs.getMetaData();
            assertEquals(List.of("l_returnflag", "_col1", "top", "_col3"), List.of(meta.getColumnLabel(1),
                    meta.getColumnLabel(2), meta.getColumnLabel(3), meta.getColumnLabel(4)));
        }
    }

    @Test
    void preparedStatementExecutesRepeatedlyWithTheSameAnswer() throws Exception {
        try (Connection connection = TestCluster.get().connect();
             PreparedStatement statement = connection.prepareStatement(
                     "select l_returnflag, count(*) from lineitem group by l_returnflag order by l_returnflag")) {
            assertEquals("l_returnflag", statement.getMetaData().getColumnLabel(1));
            List<String> first = new ArrayList<>();
            List<String> second = new ArrayList<>();
            for (List<String> into : List.of(first, second)) {
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        into.add(rs.getString(1) + "=" + rs.getLong(2));
                    }
                }
            }
            assertEquals(3, first.size());
            assertEquals(first, second);
        }
    }
}
