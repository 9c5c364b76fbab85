package dev.shoal.shell;

import dev.shoal.jdbc.QueryProgress;
import dev.shoal.jdbc.ShoalQueryInfo;

import java.io.PrintStream;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * A line on the terminal that shows a running statement's progress, updated in place twice a
 * second once it has run for a second: state, splits done of total, rows and bytes read, rates,
 * elapsed time and the query id.
 */
final class ProgressLine implements AutoCloseable {
    private static final long FIRST_MILLIS = 1000;
    private static final long PERIOD_MILLIS = 500;

    private final ShoalQueryInfo statement;
    private final PrintStream terminal;
    private final Thread thread;
    private volatile boolean shown;

    ProgressLine(ShoalQueryInfo statement, PrintStream terminal) {
        this.statement = statement;
        this.terminal = terminal;
        this.thread = new Thread(this::run, "shoal-sql-progress");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            Thread.sleep(FIRST_MILLIS);
            while (!Thread.currentThread().isInterrupted()) {
                Optional<QueryProgress> progress = statement.queryProgress();
                if (progress.isPresent() && !progress.get().isDone()) {
                    synchronized (this) {
                        terminal.print("\r" + describe(progress.get()) + "\u001b[K");
                        terminal.flush();
                        shown = true;
                    }
                }
                Thread.sleep(PERIOD_MILLIS);
            }
        } catch (InterruptedException e) {
            // Closed: the statement ended.
        } catch (SQLException e) {
            // No progress to show (the coordinator is gone): the statement itself reports why.
        }
    }

    static String describe(QueryProgress p) {
        double seconds = Math.max(p.elapsedMillis(), 1) / 1000.0;
        String splits = p.totalSplits() == 0 ? "" : String.format(Locale.ROOT, " %d/%d splits (%.0f%%)", p.completedSplits(), p.totalSplits(),
                100.0 * p.completedSplits() / p.totalSplits());
        return String.format(Locale.ROOT, "%s%s  %s rows, %s  [%s rows/s, %s/s]  %s  %s", p.state(), splits, Figures.count(p.rowsRead()),
                Figures.bytes(p.bytesRead()), Figures.count(p.rowsRead() / seconds), Figures.bytes(p.bytesRead() / seconds),
                Figures.seconds(p.elapsedMillis()), p.queryId());
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (shown) {
                terminal.print("\r\u001b[K");
                terminal.flush();
            }
        }
    }
}
