package dev.shoal.coordinator.query;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;

/**
 * How a client's cancel reaches what its statement runs: the query whose rows it reads, or the
 * query under a CREATE TABLE AS or INSERT. A cancel that arrives before the query starts stops it
 * as soon as it is attached; one that arrives after it ended does nothing.
 */
public final class Cancellation {
    private volatile boolean requested;
    private volatile RunningQuery query;

    /** For work no client can cancel (startup registration, tests). */
    public static Cancellation none() {
        return new Cancellation();
    }

    public void attach(RunningQuery running) {
        query = running;
        if (requested) {
            running.cancel();
        }
    }

    public void request() {
        requested = true;
        RunningQuery running = query;
        if (running != null) {
            running.cancel();
        }
    }

    public boolean isRequested() {
        return requested;
    }

    /** Between the steps of a statement: a requested cancel ends it here, before the next step starts. */
    public void check() {
        if (requested) {
            throw canceled();
        }
    }

    static ShoalException canceled() {
        return new ShoalException(ErrorCode.QUERY_CANCELED, "Query was canceled");
    }
}
