package dev.shoal.core.error;

/** Trino's classes of failure: the user's statement, the engine, something outside it, or a limit. */
public enum ErrorType {
    USER_ERROR, INTERNAL_ERROR, EXTERNAL, INSUFFICIENT_RESOURCES
}
