package dev.shoal.planner.calcite;

import dev.shoal.core.catalog.Catalog;
import dev.shoal.core.catalog.TableDefinition;
import dev.shoal.core.catalog.TableStatistics;
import dev.shoal.core.catalog.ViewDefinition;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** One database of the catalog, read afresh for each query so that new tables are seen. */
public final class CatalogSchema extends AbstractSchema {
    private final Catalog catalog;
    private final String schema;
    private final Function<TableDefinition, TableStatistics> statistics;

    public CatalogSchema(Catalog catalog, String schema, Function<TableDefinition, TableStatistics> statistics) {
        this.catalog = catalog;
        this.schema = schema;
        this.statistics = statistics;
    }

    @Override
    protected Map<String, Table> getTableMap() {
        Map<String, Table> tables = new LinkedHashMap<>();
        for (TableDefinition table : catalog.tables(schema)) {
            tables.put(table.name(), new CatalogTable(table, statistics));
        }
        for (ViewDefinition view : catalog.views(schema)) {
            tables.put(view.name(), new CatalogView(view));
        }
        return tables;
    }
}
