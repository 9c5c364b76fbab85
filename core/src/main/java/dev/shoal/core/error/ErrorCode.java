package dev.shoal.core.error;

/** Stable error codes, reported to clients as the SQLState-like prefix of an error. */
public enum ErrorCode {
    SYNTAX_ERROR,
    UNKNOWN_TABLE,
    UNKNOWN_COLUMN,
    TYPE_MISMATCH,
    NOT_SUPPORTED,
    DIVISION_BY_ZERO,
    NUMERIC_OVERFLOW,
    INVALID_CAST,
    INVALID_ARGUMENT,
    FILE_NOT_FOUND,
    CORRUPT_FILE,
    STORAGE_ERROR,
    ALREADY_EXISTS,
    QUERY_CANCELED,
    WORKER_LOST,
    NO_WORKERS,
    INTERNAL_ERROR,
    /** A scalar subquery returned more than one row. */
    SUBQUERY_MULTIPLE_ROWS
}
