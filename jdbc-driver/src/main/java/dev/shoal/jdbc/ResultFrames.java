package dev.shoal.jdbc;

import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.QueryState;

import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * A query's frames as the driver reads them: the first one from execute's answer, the next ones
 * from the coordinator's frames endpoint, one request always ahead of the reader, so that the
 * coordinator assembles frame n + 1 while the application reads frame n. Empty frames that are not
 * the last (the query has no new rows yet) are asked for again.
 */
final class ResultFrames implements Iterable<Object> {
    private final AvaticaStatement statement;
    private final Meta.Frame first;
    private final long result;

    private ResultFrames(AvaticaStatement statement, Meta.Frame first, long result) {
        this.statement = statement;
        this.first = first;
        this.result = result;
    }

    /**
     * The rows of a result whose first frame is {@code first}: through the frames endpoint when it
     * is a columnar frame with more to come, else as Avatica reads them (a metadata listing, whole
     * in its first frame).
     */
    static Iterable<Object> of(ShoalConnection connection, AvaticaStatement statement, QueryState state, Meta.Signature signature,
                               Meta.Frame first) {
        if (first != null && !first.done) {
            Iterator<Object> rows = first.rows.iterator();
            byte[] frame = rows.hasNext() ? ColumnarFrameDecoder.frameIn(rows.next()) : null;
            if (frame != null) {
                return new ResultFrames(statement, first, ColumnarFrameDecoder.result(frame));
            }
        }
        return connection.meta().createIterable(statement.handle, state, signature, List.of(), first);
    }

    @Override
    public Iterator<Object> iterator() {
        return new Iterator<>() {
            private Iterator<Object> rows = first.rows.iterator();
            private boolean done = first.done;
            private CompletableFuture<CoordinatorEndpoint.FetchedFrame> next = done ? null : request();

            @Override
            public boolean hasNext() {
                while (!rows.hasNext()) {
                    if (done) {
                        return false;
                    }
                    CoordinatorEndpoint.FetchedFrame frame = await(next);
                    done = frame.done();
                    next = done ? null : request();
                    rows = frame.body().length == 0 ? List.<Object>of().iterator()
                            : List.<Object>of(List.<Object>of(frame.body())).iterator();
                }
                return true;
            }

            @Override
            public Object next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return rows.next();
            }
        };
    }

    private CompletableFuture<CoordinatorEndpoint.FetchedFrame> request() {
        try {
            int fetchSize = statement.getFetchSize();
            return CoordinatorEndpoint.nextFrame(statement, result, fetchSize);
        } catch (SQLException e) {
            return CompletableFuture.failedFuture(new CompletionException(e));
        }
    }

    /** The frame, or the coordinator's error as an unchecked wrapper that ShoalResultSet.next() unwraps. */
    private static CoordinatorEndpoint.FetchedFrame await(CompletableFuture<CoordinatorEndpoint.FetchedFrame> frame) {
        try {
            return frame.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null ? c.getCause() : e.getCause();
            if (cause instanceof SQLException sql) {
                throw new FetchFailure(sql);
            }
            throw new FetchFailure(new SQLException("cannot read the next rows: " + cause, "08006", cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchFailure(new SQLException("interrupted while waiting for the next rows", "08006", e));
        }
    }

    /** An SQLException met while the cursor moved, which Avatica's cursor cannot throw itself. */
    static final class FetchFailure extends RuntimeException {
        FetchFailure(SQLException cause) {
            super(cause.getMessage(), cause);
        }

        SQLException sqlException() {
            return (SQLException) getCause();
        }
    }
}
