package dev.shoal.exec.exchange;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;

/**
 * Carries Shoal errors across Flight calls: the server sends "CODE: message" (or, for a lost
 * worker, "WORKER_LOST@worker: message") as the status description, the client turns it back into
 * the same {@link ShoalException}. A transport failure (the peer is gone) becomes WORKER_LOST
 * naming the peer.
 */
public final class FlightErrors {
    private FlightErrors() {
    }

    public static FlightRuntimeException toFlight(Throwable error) {
        ShoalException shoal = asShoal(error);
        String prefix = shoal.code().name() + shoal.lostWorker().map(worker -> "@" + worker).orElse("");
        return CallStatus.INTERNAL.withDescription(prefix + ": " + shoal.getMessage()).toRuntimeException();
    }

    public static ShoalException asShoal(Throwable error) {
        if (error instanceof ShoalException shoal) {
            return shoal;
        }
        if (error instanceof InterruptedException) {
            return new ShoalException(ErrorCode.QUERY_CANCELED, "the task was canceled");
        }
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return new ShoalException(ErrorCode.INTERNAL_ERROR, message, error);
    }

    /** The error a Flight call to {@code peer} failed with. */
    public static ShoalException fromFlight(FlightRuntimeException error, String peer) {
        String description = error.status().description();
        if (error.status().code() == FlightStatusCode.INTERNAL && description != null) {
            int colon = description.indexOf(": ");
            if (colon > 0) {
                String prefix = description.substring(0, colon);
                int at = prefix.indexOf('@');
                try {
                    ErrorCode code = ErrorCode.valueOf(at < 0 ? prefix : prefix.substring(0, at));
                    String message = description.substring(colon + 2);
                    return at < 0 ? new ShoalException(code, message) : ShoalException.workerLost(prefix.substring(at + 1), message, null);
                } catch (IllegalArgumentException notOurs) {
                    // A gRPC-level INTERNAL error: the transport broke.
                }
            }
        }
        String detail = description == null || description.isEmpty() ? error.status().code().name() : description;
        return ShoalException.workerLost(peer, "lost contact with worker " + peer + ": " + detail, error);
    }
}
