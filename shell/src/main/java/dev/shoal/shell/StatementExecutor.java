package dev.shoal.shell;

import dev.shoal.jdbc.QueryProgress;
import dev.shoal.jdbc.ShoalQueryInfo;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs the shell's statements one at a time: prints the result in the chosen format on standard
 * output, and on standard error the progress while it runs (when asked) and, after it, a summary
 * as Trino's CLI prints one: the query id and state, then time, rows, bytes scanned and rates.
 */
final class StatementExecutor {
    private final Connection connection;
    private final OutputFormat format;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean progress;
    private volatile Statement current;

    StatementExecutor(Connection connection, OutputFormat format, PrintStream out, PrintStream err, boolean progress) {
        this.connection = connection;
        this.format = format;
        this.out = out;
        this.err = err;
        this.progress = progress;
    }

    /** Runs one statement; false when it failed (its error is printed). */
    boolean execute(String sql) {
        try (Statement statement = connection.createStatement()) {
            current = statement;
            ShoalQueryInfo info = statement.unwrap(ShoalQueryInfo.class);
            try {
                boolean hasRows;
                try (ProgressLine line = progress ? new ProgressLine(info, err) : null) {
                    hasRows = statement.execute(sql);
                }
                if (hasRows) {
                    try (ResultSet rs = statement.getResultSet()) {
                        format.print(rs, out);
                    }
                } else if (statement.getLargeUpdateCount() > 0) {
                    out.println(statement.getLargeUpdateCount() + " rows");
                } else {
                    out.println(firstWord(sql));
                }
                out.flush();
                summary(info);
                return true;
            } catch (SQLException e) {
                out.flush();
                err.println("Query failed: " + e.getMessage());
                summary(info);
                return false;
            }
        } catch (SQLException e) {
            err.println("Query failed: " + e.getMessage());
            return false;
        } finally {
            current = null;
        }
    }

    private static String firstWord(String sql) {
        String[] words = sql.trim().split("\\s+", 3);
        return (words.length > 1 ? words[0] + " " + words[1] : words[0]).toUpperCase(Locale.ROOT);
    }

    private void summary(ShoalQueryInfo info) {
        Optional<QueryProgress> done;
        try {
            done = info.queryProgress();
        } catch (SQLException e) {
            return;
        }
        done.ifPresent(p -> {
            double seconds = Math.max(p.elapsedMillis(), 1) / 1000.0;
            err.println("Query " + p.queryId() + ", " + p.state() + (p.totalSplits() == 0 ? "" : ", " + p.totalSplits() + " splits"));
            // As Trino's shell: the rows and bytes the query read from storage, and their rate; the rows it returned are above.
            err.println(Figures.seconds(p.elapsedMillis()) + " [" + Figures.count(p.rowsRead()) + " rows, " + Figures.bytes(p.bytesRead())
                    + " scanned] [" + Figures.count(p.rowsRead() / seconds) + " rows/s, " + Figures.bytes(p.bytesRead() / seconds) + "/s]");
            err.flush();
        });
    }

    /** Ctrl-C: cancels the running statement's query on the coordinator; it then fails with QUERY_CANCELED. */
    void cancelCurrent() {
        Statement statement = current;
        if (statement != null) {
            try {
                statement.cancel();
            } catch (SQLException e) {
                err.println("cannot cancel: " + e.getMessage());
            }
        }
    }
}
