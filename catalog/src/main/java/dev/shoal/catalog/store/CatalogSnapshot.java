package dev.shoal.catalog.store;

import dev.shoal.core.catalog.SchemaDefinition;
import dev.shoal.core.catalog.TableDefinition;
import dev.shoal.core.catalog.ViewDefinition;

import java.util.List;
import java.util.Map;

/** Everything a store holds at one moment, by lower-case name: schemas, and each schema's tables and views in name order. */
public record CatalogSnapshot(Map<String, SchemaDefinition> schemas, Map<String, List<TableDefinition>> tables,
                              Map<String, List<ViewDefinition>> views) {
    public CatalogSnapshot {
        schemas = Map.copyOf(schemas);
        tables = Map.copyOf(tables);
        views = Map.copyOf(views);
    }
}
