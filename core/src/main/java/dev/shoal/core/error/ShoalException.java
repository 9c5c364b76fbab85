package dev.shoal.core.error;

/** An error meant for the user: a code and a message naming what went wrong and where. */
public class ShoalException extends RuntimeException {
    private final ErrorCode code;

    public ShoalException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ShoalException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
