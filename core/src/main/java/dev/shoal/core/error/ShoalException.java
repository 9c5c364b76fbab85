package dev.shoal.core.error;

import java.util.Optional;

/**
 * An error meant for the user: a code and a message naming what went wrong and where; for
 * {@link ErrorCode#WORKER_LOST}, also which worker, so that the coordinator stops using it
 * without reading the message.
 */
public class ShoalException extends RuntimeException {
    private final ErrorCode code;
    private final String lostWorker;

    /**
     * The engine error that {@code error} is or wraps (a library that calls back into Shoal, as
     * Calcite's converter does, wraps what the callback threw in an error of its own), or null.
     */
    public static ShoalException within(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof ShoalException shoal) {
                return shoal;
            }
        }
        return null;
    }

    public ShoalException(ErrorCode code, String message) {
        this(code, message, null, null);
    }

    public ShoalException(ErrorCode code, String message, Throwable cause) {
        this(code, message, cause, null);
    }

    private ShoalException(ErrorCode code, String message, Throwable cause, String lostWorker) {
        super(message, cause);
        this.code = code;
        this.lostWorker = lostWorker;
    }

    /** A query failed because {@code worker} (as the cluster describes it) could not be reached. */
    public static ShoalException workerLost(String worker, String message, Throwable cause) {
        return new ShoalException(ErrorCode.WORKER_LOST, message, cause, worker);
    }

    public ErrorCode code() {
        return code;
    }

    /** The worker a WORKER_LOST error is about. */
    public Optional<String> lostWorker() {
        return Optional.ofNullable(lostWorker);
    }
}
