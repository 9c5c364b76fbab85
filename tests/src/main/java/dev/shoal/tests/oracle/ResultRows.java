package dev.shoal.tests.oracle;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A query result in a form two engines can be compared in: numbers as BigDecimal (remembering
 * whether they were approximate), dates and times as ISO text, strings as they are.
 */
public record ResultRows(List<List<Object>> rows) {
    /** A DOUBLE or REAL value: compared with a tolerance. */
    public record Approximate(double value) {
    }

    public static ResultRows read(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int columns = meta.getColumnCount();
        List<List<Object>> rows = new ArrayList<>();
        while (rs.next()) {
            List<Object> row = new ArrayList<>(columns);
            for (int c = 1; c <= columns; c++) {
                row.add(normalize(rs.getObject(c)));
            }
            rows.add(row);
        }
        return new ResultRows(rows);
    }

    private static Object normalize(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Double d) {
            return new Approximate(d);
        }
        if (value instanceof Float f) {
            return new Approximate(f);
        }
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (value instanceof Number n) {
            return BigDecimal.valueOf(n.longValue());
        }
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime().toString();
        }
        if (value instanceof Date d) {
            return d.toLocalDate().toString();
        }
        return value.toString();
    }

    /** Rows sorted by their text form, for comparing results whose order the query leaves open. */
    public ResultRows sorted() {
        List<List<Object>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(ResultRows::sortKey));
        return new ResultRows(copy);
    }

    private static String sortKey(List<Object> row) {
        StringBuilder key = new StringBuilder();
        for (Object value : row) {
            key.append(value == null ? "\u0000NULL" : value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString()
                    : value instanceof Approximate a ? String.format("%.6e", a.value()) : value.toString()).append('\u0001');
        }
        return key.toString();
    }

    /** Null when equal, else a description of the first difference. */
    public static String difference(ResultRows actual, ResultRows expected) {
        if (actual.rows.size() != expected.rows.size()) {
            return "row count " + actual.rows.size() + ", expected " + expected.rows.size()
                    + (expected.rows.isEmpty() ? "" : "; first expected row " + expected.rows.get(0))
                    + (actual.rows.isEmpty() ? "" : "; first actual row " + actual.rows.get(0));
        }
        for (int r = 0; r < actual.rows.size(); r++) {
            List<Object> a = actual.rows.get(r);
            List<Object> e = expected.rows.get(r);
            if (a.size() != e.size()) {
                return "row " + r + " has " + a.size() + " columns, expected " + e.size();
            }
            for (int c = 0; c < a.size(); c++) {
                if (!valuesEqual(a.get(c), e.get(c))) {
                    return "row " + r + " column " + (c + 1) + ": " + a.get(c) + ", expected " + e.get(c)
                            + "\n  actual row   " + a + "\n  expected row " + e;
                }
            }
        }
        return null;
    }

    static boolean valuesEqual(Object actual, Object expected) {
        if (actual == null || expected == null) {
            return actual == expected;
        }
        if (actual instanceof BigDecimal a && expected instanceof BigDecimal e) {
            return a.compareTo(e) == 0;
        }
        if (actual instanceof Approximate || expected instanceof Approximate) {
            if (!(isNumber(actual) && isNumber(expected))) {
                return false;
            }
            double a = toDouble(actual);
            double e = toDouble(expected);
            // An exact side of scale s may be the approximate value rounded to s digits (AVG of a decimal).
            int scale = Math.min(scaleOf(actual), scaleOf(expected));
            double rounding = scale < Integer.MAX_VALUE ? 0.5 * Math.pow(10, -scale) : 0;
            return Math.abs(a - e) <= Math.max(1e-9 * Math.max(Math.abs(a), Math.abs(e)), rounding + 1e-12);
        }
        return Objects.equals(actual, expected);
    }

    private static boolean isNumber(Object value) {
        return value instanceof BigDecimal || value instanceof Approximate;
    }

    private static double toDouble(Object value) {
        return value instanceof Approximate a ? a.value() : ((BigDecimal) value).doubleValue();
    }

    private static int scaleOf(Object value) {
        return value instanceof BigDecimal d ? Math.max(d.scale(), 0) : Integer.MAX_VALUE;
    }
}
