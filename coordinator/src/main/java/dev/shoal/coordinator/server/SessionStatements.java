package dev.shoal.coordinator.server;

import dev.shoal.coordinator.ddl.CommandResult;
import dev.shoal.coordinator.ddl.LikePattern;
import dev.shoal.core.catalog.Catalog;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.session.SessionProperties;
import dev.shoal.core.session.SessionProperty;
import dev.shoal.planner.parser.ddl.SqlSetSession;
import dev.shoal.planner.parser.ddl.SqlShow;
import dev.shoal.planner.parser.ddl.SqlUseSchema;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The statements that change or show a connection's session: USE, SET SESSION, RESET SESSION, SHOW SESSION. */
final class SessionStatements {
    static final List<String> SHOW_SESSION_COLUMNS = List.of("Name", "Value", "Default", "Type", "Description");

    private final ConnectionSessions sessions;
    private final Catalog catalog;

    SessionStatements(ConnectionSessions sessions, Catalog catalog) {
        this.sessions = sessions;
        this.catalog = catalog;
    }

    static boolean handles(SqlNode statement) {
        return statement instanceof SqlUseSchema || statement instanceof SqlSetSession
                || statement instanceof SqlShow show && show.subject() == SqlShow.Subject.SESSION;
    }

    /** SHOW SESSION's columns; the others return none. */
    static List<String> resultColumns(SqlNode statement) {
        return statement instanceof SqlShow ? SHOW_SESSION_COLUMNS : List.of();
    }

    CommandResult execute(String connectionId, SqlNode statement) {
        if (statement instanceof SqlUseSchema use) {
            return use(connectionId, use);
        }
        if (statement instanceof SqlSetSession set) {
            return set(connectionId, set);
        }
        return show(connectionId, (SqlShow) statement);
    }

    private CommandResult use(String connectionId, SqlUseSchema use) {
        if (!use.schema().isSimple()) {
            throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "USE wants one schema name, got " + use.schema());
        }
        String schema = use.schema().getSimple().toLowerCase(Locale.ROOT);
        if (catalog.schema(schema).isEmpty()) {
            throw new ShoalException(ErrorCode.UNKNOWN_SCHEMA, "schema " + schema + " does not exist");
        }
        sessions.useSchema(connectionId, schema);
        return CommandResult.done();
    }

    private CommandResult set(String connectionId, SqlSetSession set) {
        SessionProperty property = SessionProperty.named(set.name().toString());
        SessionProperties current = sessions.properties(connectionId);
        sessions.properties(connectionId, set.value().isEmpty() ? current.reset(property)
                : current.with(property, text(property, set.value().get())));
        return CommandResult.done();
    }

    /** A literal's text: a string as written, a number as bytes for a size, a whole number as itself. */
    private static String text(SessionProperty property, SqlNode value) {
        if (value instanceof SqlCharStringLiteral string) {
            return string.getValueAs(String.class);
        }
        if (value instanceof SqlNumericLiteral number && property.kind() == SessionProperty.Kind.INTEGER) {
            return number.toValue();
        }
        boolean size = property.kind() == SessionProperty.Kind.DATA_SIZE;
        if (value instanceof SqlNumericLiteral number && number.isInteger() && size) {
            return number.toValue() + "B";
        }
        throw new ShoalException(ErrorCode.INVALID_SESSION_PROPERTY, "session property " + property.propertyName()
                + " takes a string, such as '" + (size ? "10GB" : "10m") + "', got " + value);
    }

    private CommandResult show(String connectionId, SqlShow show) {
        LikePattern like = show.like().map(LikePattern::new).orElse(LikePattern.jdbc(null));
        SessionProperties properties = sessions.properties(connectionId);
        List<Object[]> rows = new ArrayList<>();
        for (SessionProperty property : SessionProperty.values()) {
            if (like.matches(property.propertyName())) {
                rows.add(new Object[] {property.propertyName(), properties.value(property).orElse(""), properties.defaultValue(property),
                        property.typeName(), property.description()});
            }
        }
        return CommandResult.rows(rows);
    }
}
