package dev.shoal.planner.calcite;

import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.impl.AbstractSchema;

import java.util.Map;

/** A catalog as a schema of schemas, so that {@code catalog.schema.table} finds the same tables as {@code schema.table}. */
final class SchemasOfCatalog extends AbstractSchema {
    private final Map<String, Schema> schemas;

    SchemasOfCatalog(Map<String, Schema> schemas) {
        this.schemas = Map.copyOf(schemas);
    }

    @Override
    protected Map<String, Schema> getSubSchemaMap() {
        return schemas;
    }
}
