package dev.shoal.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/** Client-side time of a query, fetching every row and value, as a user's program would. */
final class QueryTimer {
    private QueryTimer() {
    }

    /** The median of {@code runs} runs, in milliseconds (warm-ups are the caller's). */
    static double medianMillis(Connection connection, String sql, int runs) throws SQLException {
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            fetchAll(connection, sql);
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        return times[runs / 2];
    }

    static void fetchAll(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int c = 1; c <= columns; c++) {
                    rs.getObject(c);
                }
            }
        }
    }
}
