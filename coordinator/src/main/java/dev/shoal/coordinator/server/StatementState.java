package dev.shoal.coordinator.server;

import dev.shoal.coordinator.lifecycle.TrackedQuery;
import dev.shoal.coordinator.query.Cancellation;
import dev.shoal.coordinator.query.ResultStream;
import dev.shoal.coordinator.query.RunningQuery;
import dev.shoal.core.type.DataType;
import org.apache.calcite.avatica.remote.TypedValue;
import org.apache.calcite.sql.SqlNode;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** What a statement holds between calls: its SQL once prepared, its running query once executed. */
final class StatementState {
    String sql;
    /** The statement as {@link StatementRunner#isWrite} parsed it, used once by the execution that follows. */
    SqlNode parsed;
    /** The plan made by prepare(), used by the first execute() instead of planning again. */
    PlanOrExplain prepared;
    /** The running query's rows, read ahead of the client. */
    ResultStream results;
    /** Rows of the current result handed to the client so far. */
    long rowsServed;
    /** The types of {@link #results}' columns. */
    List<DataType> columnTypes = List.of();
    /** Which execution of the statement {@link #results} is: a fetch for an earlier one finds nothing. */
    long execution;
    List<Object> explainRows;
    /** JDBC's setMaxRows: rows after this many are dropped and the query stopped; 0 or less for all. */
    long maxRows;
    /** The values of the statement's ? parameters at its last execute. */
    List<TypedValue> parameters = List.of();
    /** Why prepare failed, reported at execute: Avatica's client keeps only "while preparing SQL" of a prepare error. */
    RuntimeException prepareError;
    /** The current execution as system.runtime.queries shows it. */
    volatile TrackedQuery tracked;
    /** The current execution's update count, for a write run by {@link AsyncWrites}; null otherwise. */
    volatile CompletableFuture<Long> write;
    /** How a client's cancel reaches the current execution. */
    volatile Cancellation cancellation = Cancellation.none();

    /** The client's cancel: stops the current query, and its result lets go of the rows read ahead of the client. */
    synchronized void cancel() {
        cancellation.request();
        if (results != null && cancellation.reason() != null) {
            results.stop(cancellation.reason());
        }
    }

    /** Stops the current query, if any, and starts reading {@code next} (null: none). */
    synchronized void replaceQuery(RunningQuery next) {
        if (results != null) {
            results.close();
        }
        results = next == null ? null : ResultStream.start(next);
        columnTypes = next == null ? List.of() : next.columnTypes();
        rowsServed = 0;
        execution++;
        explainRows = null;
        write = null;
    }
}
