package dev.shoal.core.session;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import io.airlift.units.DataSize;
import io.airlift.units.Duration;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The settings a session may change with {@code SET SESSION name = value}, with Trino's names
 * where Trino has the setting. Sizes and durations are written as Trino writes them ('10GB',
 * '30m'); a property that is a limit may be set to '' for none.
 */
public enum SessionProperty {
    QUERY_MAX_SCAN_SIZE("query_max_scan_size", Kind.DATA_SIZE, true,
            "Largest number of bytes a query may read from storage: a query planned to read more fails before it reads"),
    QUERY_MAX_RUN_TIME("query_max_run_time", Kind.DURATION, true,
            "Longest time a query may take from submission to its end; past it the query is canceled"),
    JOIN_MAX_BROADCAST_TABLE_SIZE("join_max_broadcast_table_size", Kind.DATA_SIZE, false,
            "Largest estimated build side a join copies to every worker instead of partitioning both sides"),
    TASK_CONCURRENCY("task_concurrency", Kind.INTEGER, true,
            "Most drivers each pipeline of a task runs at once on its worker; '' for each worker's --task-concurrency");

    /** How a property's value is written. */
    public enum Kind { DATA_SIZE, DURATION, INTEGER }

    /** The most drivers a session may ask a pipeline for. */
    static final int MAX_TASK_CONCURRENCY = 256;

    private final String propertyName;
    private final Kind kind;
    private final boolean mayBeEmpty;
    private final String description;

    SessionProperty(String propertyName, Kind kind, boolean mayBeEmpty, String description) {
        this.propertyName = propertyName;
        this.kind = kind;
        this.mayBeEmpty = mayBeEmpty;
        this.description = description;
    }

    public String propertyName() {
        return propertyName;
    }

    public Kind kind() {
        return kind;
    }

    public String description() {
        return description;
    }

    /** The SQL type SHOW SESSION reports: sizes and durations are text, as in Trino. */
    public String typeName() {
        return kind == Kind.INTEGER ? "integer" : "varchar";
    }

    /** The property of that name, as SET SESSION spells it (any case). */
    public static SessionProperty named(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.propertyName.equals(wanted)).findFirst()
                .orElseThrow(() -> new ShoalException(ErrorCode.INVALID_SESSION_PROPERTY, "session property " + name
                        + " does not exist; SHOW SESSION lists them"));
    }

    /**
     * The value in its canonical spelling ('10GB', '30.00m'), or an error that names the property
     * and shows a value it takes.
     */
    public String canonical(String value) {
        String text = value.trim();
        if (text.isEmpty()) {
            if (mayBeEmpty) {
                return "";
            }
            throw invalid(value, "it cannot be empty");
        }
        try {
            return switch (kind) {
                case DATA_SIZE -> DataSize.valueOf(text.replace(" ", "")).succinct().toString();
                case DURATION -> Duration.valueOf(text.replace(" ", "")).toString();
                case INTEGER -> String.valueOf(positive(text));
            };
        } catch (IllegalArgumentException e) {
            throw invalid(value, switch (kind) {
                case DATA_SIZE -> "write a size such as '10GB', '512MB' or '100kB'";
                case DURATION -> "write a duration such as '30s', '10m' or '2h'";
                case INTEGER -> "write a whole number from 1 to " + MAX_TASK_CONCURRENCY;
            });
        }
    }

    private static int positive(String text) {
        int value = Integer.parseInt(text);
        if (value < 1 || value > MAX_TASK_CONCURRENCY) {
            throw new IllegalArgumentException("out of range");
        }
        return value;
    }

    /** An INTEGER value; empty for ''. */
    Optional<Integer> integer(String canonical) {
        return canonical.isEmpty() ? Optional.empty() : Optional.of(Integer.parseInt(canonical));
    }

    /** Bytes of a DATA_SIZE value; empty for ''. */
    Optional<Long> bytes(String canonical) {
        return canonical.isEmpty() ? Optional.empty() : Optional.of(DataSize.valueOf(canonical).toBytes());
    }

    /** Milliseconds of a DURATION value; empty for ''. */
    Optional<Long> millis(String canonical) {
        return canonical.isEmpty() ? Optional.empty() : Optional.of(Duration.valueOf(canonical).toMillis());
    }

    private ShoalException invalid(String value, String hint) {
        return new ShoalException(ErrorCode.INVALID_SESSION_PROPERTY, "'" + value + "' is not a value of session property "
                + propertyName + ": " + hint);
    }
}
