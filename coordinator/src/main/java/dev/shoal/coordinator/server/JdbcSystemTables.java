package dev.shoal.coordinator.server;

import dev.shoal.core.catalog.Catalog;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.core.type.DataType;
import dev.shoal.planner.calcite.SystemTable;
import org.apache.calcite.avatica.ColumnMetaData;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Trino's {@code system.jdbc} tables: JDBC's DatabaseMetaData listings ({@code catalogs},
 * {@code schemas}, {@code tables}, {@code columns}, {@code table_types}, {@code types}, and Shoal's {@code functions}) as tables
 * with Trino's lower-case column names, for tools that query them instead of calling the metadata
 * API. Their rows are the listings {@link CatalogMetadata} gives the API, read when a query over them is planned.
 */
public final class JdbcSystemTables {
    static final String SCHEMA = "jdbc";

    private JdbcSystemTables() {
    }

    /** {@code others} and the jdbc tables, which list all of them. */
    public static List<SystemTable> with(Catalog catalog, List<SystemTable> others) {
        List<SystemTable> all = new ArrayList<>(others);
        AtomicReference<CatalogMetadata> metadata = new AtomicReference<>();
        // The listings' layouts, from a catalog name that matches nothing: no table is read for them.
        CatalogMetadata layouts = new CatalogMetadata(catalog, List.of());
        String none = "\u0000";
        all.add(table("catalogs", layouts.catalogs(), metadata, CatalogMetadata::catalogs));
        all.add(table("schemas", layouts.schemas(none, null), metadata, m -> m.schemas(null, null)));
        all.add(table("tables", layouts.tables(none, null, null, null), metadata, m -> m.tables(null, null, null, null)));
        all.add(table("columns", layouts.columns(none, null, null, null), metadata, m -> m.columns(null, null, null, null)));
        all.add(table("table_types", layouts.tableTypes(), metadata, CatalogMetadata::tableTypes));
        all.add(table("types", layouts.typeInfo(), metadata, CatalogMetadata::typeInfo));
        // Not one of Trino's: Avatica's protocol has no getFunctions call, so the driver reads this table instead.
        all.add(table("functions", layouts.functions(none, null, null), metadata, m -> m.functions(null, null, null)));
        metadata.set(new CatalogMetadata(catalog, all));
        return List.copyOf(all);
    }

    private static SystemTable table(String name, CatalogMetadata.Listing layout, AtomicReference<CatalogMetadata> metadata,
                                     Function<CatalogMetadata, CatalogMetadata.Listing> listing) {
        List<ScanColumn> columns = layout.columns().stream()
                .map(c -> new ScanColumn(c.columnName.toLowerCase(Locale.ROOT), type(c))).toList();
        return new SystemTable(SCHEMA, name, columns, session -> rows(listing.apply(metadata.get())));
    }

    private static DataType type(ColumnMetaData column) {
        return switch (column.type.id) {
            case Types.INTEGER, Types.SMALLINT -> DataType.INTEGER;
            case Types.BIGINT -> DataType.BIGINT;
            case Types.BOOLEAN -> DataType.BOOLEAN;
            default -> DataType.VARCHAR;
        };
    }

    /** A listing's rows in a system table's values: integers as Long, the rest as they are. */
    private static List<List<Object>> rows(CatalogMetadata.Listing listing) {
        List<List<Object>> rows = new ArrayList<>(listing.rows().size());
        for (Object row : listing.rows()) {
            List<Object> values = new ArrayList<>();
            for (Object value : (Object[]) row) {
                values.add(value instanceof Integer || value instanceof Short ? (Object) ((Number) value).longValue() : value);
            }
            rows.add(values);
        }
        return rows;
    }
}
