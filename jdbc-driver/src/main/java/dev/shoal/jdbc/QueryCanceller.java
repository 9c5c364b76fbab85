package dev.shoal.jdbc;

import org.apache.calcite.avatica.AvaticaClientRuntimeException;
import org.apache.calcite.avatica.AvaticaStatement;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Cancels a statement's query on the coordinator: on request, when its timeout runs out, or when it is closed mid-query. */
final class QueryCanceller {
    private static final ScheduledExecutorService TIMEOUTS = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "shoal-jdbc-query-timeout");
        thread.setDaemon(true);
        return thread;
    });

    private final ShoalConnection connection;
    private final AvaticaStatement statement;
    private volatile boolean running;
    private volatile boolean timedOut;
    private volatile ScheduledFuture<?> timeout;
    private volatile int timeoutSeconds;

    QueryCanceller(ShoalConnection connection, AvaticaStatement statement) {
        this.connection = connection;
        this.statement = statement;
    }

    interface Call<T> {
        T run() throws SQLException;
    }

    /**
     * Runs an execute call; with {@code timeoutSeconds} above 0, the query is canceled once that has
     * passed, and the call, or the reading of its result, fails with an SQLTimeoutException. A
     * query's result is read after execute returns (its rows arrive as they are computed), so the
     * query counts as running, for the timeout and for close(), until its result set is read to
     * its end or closed. Its errors come out {@link #translate}d.
     */
    <T> T timed(int timeoutSeconds, Call<T> call) throws SQLException {
        stop();
        this.timeoutSeconds = timeoutSeconds;
        timedOut = false;
        timeout = timeoutSeconds <= 0 ? null
                : TIMEOUTS.schedule(() -> {
                    timedOut = true;
                    cancelQuietly();
                }, timeoutSeconds, TimeUnit.SECONDS);
        running = true;
        boolean resultOpen = false;
        try {
            T result = call.run();
            if (statement.getResultSet() instanceof ShoalResultSet resultSet && resultSet.watch(this)) {
                resultOpen = true;
            }
            return result;
        } catch (SQLException e) {
            throw translate(e);
        } catch (AvaticaClientRuntimeException e) {
            // Avatica's batch calls let the server's error out unchecked.
            throw ClientErrors.clean(e);
        } finally {
            if (!resultOpen) {
                stop();
            }
        }
    }

    /** The statement's query ended (its result was read or closed): no timeout or close stops it any more. */
    void stop() {
        running = false;
        ScheduledFuture<?> pending = timeout;
        timeout = null;
        if (pending != null) {
            pending.cancel(false);
        }
    }

    /** An error of the statement's query as the caller should see it: a cancel its timeout caused is an SQLTimeoutException. */
    SQLException translate(SQLException e) {
        if (timedOut && "57014".equals(e.getSQLState())) {
            return new SQLTimeoutException("QUERY_CANCELED: Query exceeded the statement's query timeout of " + timeoutSeconds
                    + " s (Statement.setQueryTimeout)", "HYT00", e.getErrorCode());
        }
        return ClientErrors.clean(e);
    }

    void cancel() throws SQLException {
        if (statement.isClosed()) {
            throw new SQLException("statement is closed", "HY010");
        }
        try {
            connection.cancelRunning(statement.handle);
        } catch (RuntimeException e) {
            throw new SQLException("cannot cancel the statement: " + e.getMessage(), "HY008", e);
        }
    }

    void cancelIfRunning() {
        if (running) {
            cancelQuietly();
        }
    }

    private void cancelQuietly() {
        try {
            cancel();
        } catch (SQLException e) {
            // The statement's own call reports what went wrong with the query.
        }
    }
}
