package dev.shoal.core.catalog;

import java.util.Optional;

/** A schema (Athena's database): its name and, when given, the prefix its managed tables go under. */
public record SchemaDefinition(String name, Optional<String> location) {
    public SchemaDefinition {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a schema needs a name");
        }
        location = location == null ? Optional.empty() : location;
    }

    public static SchemaDefinition named(String name) {
        return new SchemaDefinition(name, Optional.empty());
    }
}
