package dev.shoal.coordinator.query;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;

/**
 * How a cancel reaches what a statement runs: the query whose rows it reads, or the query under a
 * CREATE TABLE AS or INSERT. A cancel carries its reason (the client's cancel, kill_query, the time
 * limit). One that arrives before the query starts stops it as soon as it is attached; one that
 * arrives after it ended does nothing.
 */
public final class Cancellation {
    private volatile ShoalException reason;
    private volatile RunningQuery query;

    /** For work no client can cancel (startup registration, tests). */
    public static Cancellation none() {
        return new Cancellation();
    }

    public void attach(RunningQuery running) {
        query = running;
        ShoalException requested = reason;
        if (requested != null) {
            running.cancel(requested);
        }
    }

    /** The client's cancel. */
    public void request() {
        request(canceled());
    }

    /** Stops the statement with {@code why}; the first reason given is the one reported. */
    public synchronized void request(ShoalException why) {
        if (reason != null) {
            return;
        }
        reason = why;
        RunningQuery running = query;
        if (running != null) {
            running.cancel(why);
        }
    }

    /** The reason of the cancel requested, or null when none was. */
    public ShoalException reason() {
        return reason;
    }

    public boolean isRequested() {
        return reason != null;
    }

    /** Between the steps of a statement: a requested cancel ends it here, before the next step starts. */
    public void check() {
        ShoalException requested = reason;
        if (requested != null) {
            throw requested;
        }
    }

    /** Why a query whose client closed its result before the end stopped. */
    static ShoalException closed() {
        return new ShoalException(ErrorCode.QUERY_CANCELED, "Query was canceled: the client closed its result before the end");
    }

    static ShoalException canceled() {
        return new ShoalException(ErrorCode.QUERY_CANCELED, "Query was canceled");
    }
}
