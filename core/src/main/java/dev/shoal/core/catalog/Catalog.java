package dev.shoal.core.catalog;

import java.util.List;
import java.util.Optional;

/** The databases (schemas) and tables the engine knows. Names are matched case-insensitively. */
public interface Catalog {
    List<String> schemas();

    List<TableDefinition> tables(String schema);

    Optional<TableDefinition> table(String schema, String name);

    /** A table by its "schema.name", as plan nodes name it. */
    default Optional<TableDefinition> table(String qualifiedName) {
        int dot = qualifiedName.indexOf('.');
        return dot < 0 ? Optional.empty() : table(qualifiedName.substring(0, dot), qualifiedName.substring(dot + 1));
    }

    void createTable(TableDefinition table);
}
