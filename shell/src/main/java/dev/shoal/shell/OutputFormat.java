package dev.shoal.shell;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * How the shell prints a result, as Trino's CLI names the formats: ALIGNED (a table, the
 * interactive default), CSV and TSV (with a header line; CSV quotes as RFC 4180 does), JSON (one
 * object per line). NULL is printed as NULL in ALIGNED and as nothing in the others.
 */
enum OutputFormat {
    ALIGNED, CSV, TSV, JSON;

    private static final JsonFactory JSON_FACTORY = new JsonFactory();

    /** Prints the rows and returns how many there were. */
    long print(ResultSet rs, PrintStream out) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        List<String> names = new ArrayList<>();
        for (int c = 1; c <= meta.getColumnCount(); c++) {
            names.add(meta.getColumnLabel(c));
        }
        return switch (this) {
            case ALIGNED -> aligned(rs, names, out);
            case CSV, TSV -> delimited(rs, names, out, this == CSV ? ',' : '\t');
            case JSON -> json(rs, names, out);
        };
    }

    private static long aligned(ResultSet rs, List<String> names, PrintStream out) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        int[] widths = names.stream().mapToInt(String::length).toArray();
        while (rs.next()) {
            String[] row = new String[names.size()];
            for (int c = 0; c < row.length; c++) {
                String value = rs.getString(c + 1);
                row[c] = value == null ? "NULL" : value;
                widths[c] = Math.max(widths[c], row[c].length());
            }
            rows.add(row);
        }
        out.println(line(names.toArray(String[]::new), widths, false));
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            rule.append(c == 0 ? "" : "+").append("-".repeat(widths[c] + 2));
        }
        out.println(rule);
        for (String[] row : rows) {
            out.println(line(row, widths, true));
        }
        out.println("(" + rows.size() + (rows.size() == 1 ? " row)" : " rows)"));
        return rows.size();
    }

    private static String line(String[] values, int[] widths, boolean alignNumbers) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < values.length; c++) {
            String value = values[c];
            String pad = " ".repeat(widths[c] - value.length());
            boolean number = alignNumbers && value.matches("-?[0-9.]+(E-?[0-9]+)?");
            line.append(c == 0 ? " " : "| ").append(number ? pad + value : value + pad).append(' ');
        }
        return line.toString().stripTrailing();
    }

    private static long delimited(ResultSet rs, List<String> names, PrintStream out, char separator) throws SQLException {
        out.println(String.join(String.valueOf(separator), names.stream().map(n -> field(n, separator)).toList()));
        long count = 0;
        while (rs.next()) {
            StringBuilder line = new StringBuilder();
            for (int c = 1; c <= names.size(); c++) {
                String value = rs.getString(c);
                line.append(c == 1 ? "" : String.valueOf(separator)).append(value == null ? "" : field(value, separator));
            }
            out.println(line);
            count++;
        }
        return count;
    }

    /** CSV quotes a field holding a separator, a quote or a line break, doubling its quotes; TSV escapes tabs and line breaks. */
    private static String field(String value, char separator) {
        if (separator == '\t') {
            return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
        }
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    private static long json(ResultSet rs, List<String> names, PrintStream out) throws SQLException {
        long count = 0;
        try (JsonGenerator json = JSON_FACTORY.createGenerator(new NoClose(out))) {
            json.setRootValueSeparator(new SerializedString("\n"));
            while (rs.next()) {
                json.writeStartObject();
                for (int c = 1; c <= names.size(); c++) {
                    json.writeFieldName(names.get(c - 1));
                    Object value = rs.getObject(c);
                    if (value == null) {
                        json.writeNull();
                    } else if (value instanceof BigDecimal decimal) {
                        json.writeNumber(decimal);
                    } else if (value instanceof Double || value instanceof Float) {
                        json.writeNumber(((Number) value).doubleValue());
                    } else if (value instanceof Number number) {
                        json.writeNumber(number.longValue());
                    } else if (value instanceof Boolean bool) {
                        json.writeBoolean(bool);
                    } else {
                        json.writeString(rs.getString(c));
                    }
                }
                json.writeEndObject();
                count++;
            }
        } catch (IOException e) {
            throw new SQLException("cannot write JSON: " + e.getMessage(), e);
        }
        out.println();
        return count;
    }

    /** The shell's output stream stays open after a result is written. */
    private static final class NoClose extends FilterOutputStream {
        NoClose(PrintStream out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
