package dev.shoal.parquet.catalog;

import java.util.List;
import java.util.Optional;

/** The databases (schemas) and tables the engine knows. Names are matched case-insensitively. */
public interface Catalog {
    List<String> schemas();

    List<TableDefinition> tables(String schema);

    Optional<TableDefinition> table(String schema, String name);

    void createTable(TableDefinition table);
}
