package dev.shoal.coordinator.server;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;

import java.util.function.Supplier;

/**
 * Turns an engine error into what the JDBC client sees: the message as written, the code's SQLSTATE
 * and vendor code, and no server stack trace.
 */
final class ErrorTranslator {
    private ErrorTranslator() {
    }

    /** Runs a client's call: whatever it throws, an engine error or a Java error, reaches the client as {@link #toClient} makes it. */
    static <T> T answering(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw toClient(e);
        } catch (StackOverflowError | OutOfMemoryError | AssertionError e) {
            throw toClient(e);
        }
    }

    static AvaticaRuntimeException toClient(RuntimeException e) {
        if (e instanceof AvaticaRuntimeException avatica) {
            return avatica;
        }
        ShoalException shoal = engineError(e);
        return withoutTrace(shoal.code() + ": " + shoal.getMessage(), shoal.code());
    }

    /**
     * The engine error a statement's failure stands for: the one it is or wraps (Calcite wraps what
     * a callback into Shoal threw, and a stack overflow deep in its conversion), else an internal error.
     */
    static ShoalException engineError(Throwable e) {
        ShoalException shoal = ShoalException.within(e);
        if (shoal != null) {
            return shoal;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof StackOverflowError || cause instanceof OutOfMemoryError) {
                return asShoal((Error) cause);
            }
        }
        return e instanceof Error error ? asShoal(error) : internal(e);
    }

    /**
     * The Java errors a statement can cause on the coordinator, as SQL errors rather than an HTTP
     * error page the client cannot parse: a stack overflow while planning a deeply nested
     * statement, running out of memory, an assertion inside Calcite.
     */
    static AvaticaRuntimeException toClient(Error e) {
        return toClient(asShoal(e));
    }

    /** The engine error a Java error inside a statement stands for. */
    static ShoalException asShoal(Error e) {
        ShoalException wrapped = ShoalException.within(e);
        if (wrapped != null) {
            return wrapped;
        }
        if (e instanceof StackOverflowError) {
            return new ShoalException(ErrorCode.STATEMENT_TOO_COMPLEX, "the statement is nested too deeply to plan "
                    + "(expressions, subqueries or WITH queries within each other); simplify it or split it");
        }
        if (e instanceof OutOfMemoryError) {
            return new ShoalException(ErrorCode.EXCEEDED_MEMORY, "the statement needs more memory than the coordinator has");
        }
        return internal(e);
    }

    private static ShoalException internal(Throwable e) {
        return new ShoalException(ErrorCode.INTERNAL_ERROR, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    /** Avatica sends the stack of the exception it is given: this one has none, so no server class names reach clients. */
    private static AvaticaRuntimeException withoutTrace(String message, ErrorCode code) {
        return new AvaticaRuntimeException(message, code.code(), code.sqlState(), AvaticaSeverity.ERROR) {
            @Override
            public synchronized Throwable fillInStackTrace() {
                return this;
            }
        };
    }
}
