package dev.shoal.planner;

import dev.shoal.core.session.SessionProperties;

import java.time.Instant;

/**
 * Who plans a statement and where: the user (current_user), the schema unqualified names are in
 * (current_schema, USE), the instant the statement began, which current_timestamp, now() and
 * current_date all read, so that every row of one query sees the same time (as in Trino), and the
 * session's properties (SET SESSION), and what stops its planning once the statement was given up.
 */
public record Session(String user, String schema, Instant start, SessionProperties properties, PlanningInterrupt interrupt) {
    /** The user of a client that gave none. */
    public static final String ANONYMOUS = "anonymous";

    public static Session of(String user, String schema) {
        return of(user, schema, SessionProperties.NONE);
    }

    public static Session of(String user, String schema, SessionProperties properties) {
        return new Session(user == null || user.isBlank() ? ANONYMOUS : user, schema, Instant.now(), properties, PlanningInterrupt.NONE);
    }

    /** The same session with unqualified names in {@code schema}. */
    public Session inSchema(String otherSchema) {
        return new Session(user, otherSchema, start, properties, interrupt);
    }

    /** The same session, whose planning {@code stop} can interrupt. */
    public Session interruptedBy(PlanningInterrupt stop) {
        return new Session(user, schema, start, properties, stop);
    }
}
