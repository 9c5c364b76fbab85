package dev.shoal.core.session;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A session's settings: the coordinator's defaults and what SET SESSION changed, both as canonical
 * text (what SHOW SESSION prints). Immutable; SET and RESET give a new one.
 */
public final class SessionProperties {
    /** No defaults and nothing set: every reader falls back to its own default. */
    public static final SessionProperties NONE = new SessionProperties(Map.of(), Map.of());

    private final Map<SessionProperty, String> defaults;
    private final Map<SessionProperty, String> set;

    private SessionProperties(Map<SessionProperty, String> defaults, Map<SessionProperty, String> set) {
        this.defaults = copy(defaults);
        this.set = copy(set);
    }

    private static Map<SessionProperty, String> copy(Map<SessionProperty, String> values) {
        Map<SessionProperty, String> copy = new EnumMap<>(SessionProperty.class);
        copy.putAll(values);
        return Collections.unmodifiableMap(copy);
    }

    /** Defaults as the coordinator was configured; each is checked and made canonical. */
    public static SessionProperties withDefaults(Map<SessionProperty, String> defaults) {
        Map<SessionProperty, String> canonical = new EnumMap<>(SessionProperty.class);
        defaults.forEach((property, value) -> canonical.put(property, property.canonical(value)));
        return new SessionProperties(canonical, Map.of());
    }

    public SessionProperties with(SessionProperty property, String value) {
        Map<SessionProperty, String> changed = new EnumMap<>(SessionProperty.class);
        changed.putAll(set);
        changed.put(property, property.canonical(value));
        return new SessionProperties(defaults, changed);
    }

    public SessionProperties reset(SessionProperty property) {
        Map<SessionProperty, String> changed = new EnumMap<>(SessionProperty.class);
        changed.putAll(set);
        changed.remove(property);
        return new SessionProperties(defaults, changed);
    }

    /** The value in effect: the session's, else the default; empty when neither is there. */
    public Optional<String> value(SessionProperty property) {
        return Optional.ofNullable(set.getOrDefault(property, defaults.get(property)));
    }

    public String defaultValue(SessionProperty property) {
        return defaults.getOrDefault(property, "");
    }

    /** An INTEGER property's value; empty when it is not set or set to ''. */
    public Optional<Integer> integer(SessionProperty property) {
        return value(property).flatMap(property::integer);
    }

    /** A DATA_SIZE property's bytes; empty when it is not set or set to '' (no limit). */
    public Optional<Long> bytes(SessionProperty property) {
        return value(property).flatMap(property::bytes);
    }

    /** A DURATION property's milliseconds; empty when it is not set or set to ''. */
    public Optional<Long> millis(SessionProperty property) {
        return value(property).flatMap(property::millis);
    }

    @Override
    public String toString() {
        return "SessionProperties" + set;
    }
}
