package dev.shoal.planner;

import java.time.Instant;

/**
 * Who plans a statement and where: the user (current_user), the schema unqualified names are in
 * (current_schema, USE), and the instant the statement began, which current_timestamp, now() and
 * current_date all read, so that every row of one query sees the same time (as in Trino).
 */
public record Session(String user, String schema, Instant start) {
    /** The user of a client that gave none. */
    public static final String ANONYMOUS = "anonymous";

    public static Session of(String user, String schema) {
        return new Session(user == null || user.isBlank() ? ANONYMOUS : user, schema, Instant.now());
    }
}
