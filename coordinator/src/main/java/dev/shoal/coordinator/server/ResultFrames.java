package dev.shoal.coordinator.server;

import dev.shoal.coordinator.lifecycle.TrackedQuery;
import dev.shoal.coordinator.query.ResultStream;
import dev.shoal.core.batch.Batch;
import dev.shoal.core.type.DataType;
import org.apache.calcite.avatica.Meta;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Hands a statement's result to its client one frame at a time: as many rows as the client asked
 * for (at least {@link #COLUMNAR_FRAME_ROWS} in columnar frames, whose cost does not grow with
 * their row count), or fewer when no more arrived within the fetch wait, so that no call is held
 * longer than that; a frame that is empty and not the last tells the client to ask again. The
 * statement's max rows end the result and stop the query once reached.
 */
final class ResultFrames {
    /** Rows per frame when the client leaves it to the server. */
    static final int DEFAULT_FRAME_ROWS = 10_000;
    /** Fewest rows a columnar frame is allowed to hold (a JDBC fetch size is a hint): small frames cost a round trip each. */
    static final int COLUMNAR_FRAME_ROWS = 32_768;

    private final long fetchWaitMillis;

    ResultFrames(long fetchWaitMillis) {
        this.fetchWaitMillis = fetchWaitMillis;
    }

    /** The rows one fetch takes from execution {@code result} of a statement, and whether they end it. */
    record Taken(long result, ResultStream.Chunk chunk, boolean done, List<DataType> types) {
    }

    Taken take(StatementState state, int requestedRows, boolean columnar) {
        ResultStream results = state.results;
        int limit = requestedRows <= 0 ? DEFAULT_FRAME_ROWS : requestedRows;
        if (columnar) {
            limit = Math.max(limit, COLUMNAR_FRAME_ROWS);
        }
        boolean capped = state.maxRows > 0;
        if (capped) {
            limit = (int) Math.max(0, Math.min(limit, state.maxRows - state.rowsServed));
        }
        ResultStream.Chunk chunk = results.next(limit, fetchWaitMillis);
        state.rowsServed += chunk.rows();
        TrackedQuery tracked = state.tracked;
        if (tracked != null) {
            tracked.heartbeat();
        }
        if (capped && state.rowsServed >= state.maxRows) {
            // The client wants no more: the rest of the query is not computed.
            results.close();
            return new Taken(state.execution, chunk, true, state.columnTypes);
        }
        return new Taken(state.execution, chunk, chunk.done(), state.columnTypes);
    }

    /** The rows as an Avatica frame: one columnar value, or one array of JDBC values per row for Avatica's own clients. */
    static Meta.Frame avaticaFrame(long offset, Taken taken, boolean columnar) {
        List<Object> rows;
        if (columnar) {
            // Even without rows: the driver learns from it which execution to ask the frames endpoint for.
            rows = Collections.singletonList((Object) new Object[] {columnar(taken)});
        } else if (taken.chunk().rows() == 0) {
            rows = List.of();
        } else {
            rows = avaticaRows(taken.chunk(), taken.types());
        }
        return Meta.Frame.create(offset, taken.done(), rows);
    }

    static byte[] columnar(Taken taken) {
        return ColumnarFrames.encode(taken.result(), taken.chunk().batches(), taken.types());
    }

    private static List<Object> avaticaRows(ResultStream.Chunk chunk, List<DataType> types) {
        List<Object> rows = new ArrayList<>(chunk.rows());
        for (Batch batch : chunk.batches()) {
            for (int r = 0; r < batch.rowCount(); r++) {
                Object[] row = new Object[types.size()];
                for (int c = 0; c < row.length; c++) {
                    row[c] = ResultColumns.toJdbc(batch.column(c).valueAt(r), types.get(c));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
