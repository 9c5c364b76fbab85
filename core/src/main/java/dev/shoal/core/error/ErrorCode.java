package dev.shoal.core.error;

/**
 * Stable error codes: the name is the prefix of the message a client sees, {@link #code()} the
 * JDBC vendor code and {@link #sqlState()} the SQLSTATE. The numbers are part of the protocol:
 * never renumber one, give a new code the next free number.
 */
public enum ErrorCode {
    SYNTAX_ERROR(0, "42000"),
    UNKNOWN_TABLE(1, "42S02"),
    UNKNOWN_COLUMN(2, "42S22"),
    TYPE_MISMATCH(3, "42804"),
    NOT_SUPPORTED(4, "0A000"),
    DIVISION_BY_ZERO(5, "22012"),
    NUMERIC_OVERFLOW(6, "22003"),
    INVALID_CAST(7, "22018"),
    INVALID_ARGUMENT(8, "22018"),
    FILE_NOT_FOUND(9, "HY000"),
    CORRUPT_FILE(10, "HY000"),
    STORAGE_ERROR(11, "HY000"),
    ALREADY_EXISTS(12, "42S01"),
    QUERY_CANCELED(13, "57014"),
    WORKER_LOST(14, "HY000"),
    NO_WORKERS(15, "HY000"),
    INTERNAL_ERROR(16, "XX000"),
    /** A scalar subquery returned more than one row (SQL's cardinality violation). */
    SUBQUERY_MULTIPLE_ROWS(17, "21000"),
    UNKNOWN_SCHEMA(18, "3F000"),
    /** DROP SCHEMA of a schema that still has tables, without CASCADE. */
    SCHEMA_NOT_EMPTY(19, "2BP01"),
    /** The catalog's database could not be reached or refused a change. */
    CATALOG_ERROR(20, "HY000"),
    /** Nested deeper than planning's stack allows (expressions, subqueries, WITH queries). */
    STATEMENT_TOO_COMPLEX(21, "54001"),
    /** More memory than the process has. */
    EXCEEDED_MEMORY(22, "53200"),
    /** A partition named in DDL that the table does not have. */
    UNKNOWN_PARTITION(23, "42704"),
    /** A partitioned write that would hold more files open than a task may (Trino's max-open-writers). */
    TOO_MANY_OPEN_WRITERS(24, "54000"),
    /** A query planned to read more bytes than query_max_scan_size allows (Athena's workgroup cutoff). */
    EXCEEDED_SCAN_LIMIT(25, "54000"),
    /** A query that ran longer than query_max_run_time. */
    EXCEEDED_TIME_LIMIT(26, "HYT00"),
    /** SET SESSION of a property that does not exist or a value it does not take. */
    INVALID_SESSION_PROPERTY(27, "22023"),
    /** kill_query of an id that is not a running query. */
    QUERY_NOT_FOUND(28, "42704"),
    /** A statement the user may not run (another user's query, without admin rights). */
    PERMISSION_DENIED(29, "42501"),
    /** More queries waiting for a slot than the coordinator queues. */
    QUERY_QUEUE_FULL(30, "53000"),
    /** A query ended by kill_query. */
    ADMINISTRATIVELY_KILLED(31, "57014"),
    /** A wrong user name or password. */
    AUTHENTICATION_FAILED(32, "28000"),
    /** A request on a connection that was never opened, or is closed. */
    CONNECTION_NOT_OPEN(33, "08003"),
    /** A catalog name that is not one of SHOW CATALOGS' (Trino's CATALOG_NOT_FOUND). */
    UNKNOWN_CATALOG(34, "3D000");

    private final int code;
    private final String sqlState;

    ErrorCode(int code, String sqlState) {
        this.code = code;
        this.sqlState = sqlState;
    }

    /** The JDBC vendor code. */
    public int code() {
        return code;
    }

    public String sqlState() {
        return sqlState;
    }

    /** Whose the error is, as Trino's system.runtime.queries.error_type says. */
    public ErrorType type() {
        return switch (this) {
            case INTERNAL_ERROR -> ErrorType.INTERNAL_ERROR;
            case FILE_NOT_FOUND, CORRUPT_FILE, STORAGE_ERROR, WORKER_LOST, NO_WORKERS, CATALOG_ERROR -> ErrorType.EXTERNAL;
            case EXCEEDED_MEMORY, EXCEEDED_SCAN_LIMIT, EXCEEDED_TIME_LIMIT, TOO_MANY_OPEN_WRITERS, QUERY_QUEUE_FULL,
                 STATEMENT_TOO_COMPLEX -> ErrorType.INSUFFICIENT_RESOURCES;
            default -> ErrorType.USER_ERROR;
        };
    }
}
