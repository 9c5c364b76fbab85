package dev.shoal.planner.calcite;

import dev.shoal.core.catalog.Catalog;
import dev.shoal.core.catalog.TableDefinition;
import dev.shoal.core.catalog.ViewDefinition;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.core.type.DataType;
import dev.shoal.core.type.TypeKind;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The SQL standard's {@code information_schema}, with Trino's tables and columns: {@code schemata},
 * {@code tables}, {@code columns} and {@code views}, read from the catalog when a query is planned
 * (so a tool that queries them instead of calling JDBC's metadata sees what DDL made).
 */
public final class InformationSchema extends AbstractSchema {
    public static final String NAME = "information_schema";
    /** The one catalog's name, as JDBC's getCatalogs reports it. */
    public static final String CATALOG = "shoal";

    private static final List<ScanColumn> SCHEMATA = columns("catalog_name", "schema_name");
    private static final List<ScanColumn> TABLES = columns("table_catalog", "table_schema", "table_name", "table_type");
    private static final List<ScanColumn> COLUMNS = List.of(varchar("table_catalog"), varchar("table_schema"), varchar("table_name"),
            varchar("column_name"), new ScanColumn("ordinal_position", DataType.BIGINT), varchar("column_default"),
            varchar("is_nullable"), varchar("data_type"));
    private static final List<ScanColumn> VIEWS = columns("table_catalog", "table_schema", "table_name", "view_definition");

    private final Catalog catalog;

    public InformationSchema(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Its tables' names and columns, for JDBC's metadata listings. */
    public static Map<String, List<ScanColumn>> tableColumns() {
        Map<String, List<ScanColumn>> tables = new LinkedHashMap<>();
        tables.put("columns", COLUMNS);
        tables.put("schemata", SCHEMATA);
        tables.put("tables", TABLES);
        tables.put("views", VIEWS);
        return tables;
    }

    private static ScanColumn varchar(String name) {
        return new ScanColumn(name, DataType.VARCHAR);
    }

    private static List<ScanColumn> columns(String... names) {
        return Arrays.stream(names).map(InformationSchema::varchar).toList();
    }

    @Override
    protected Map<String, Table> getTableMap() {
        Map<String, Table> tables = new LinkedHashMap<>();
        tables.put("schemata", new ValuesTable(SCHEMATA, this::schemaRows));
        tables.put("tables", new ValuesTable(TABLES, this::tableRows));
        tables.put("columns", new ValuesTable(COLUMNS, this::columnRows));
        tables.put("views", new ValuesTable(VIEWS, this::viewRows));
        return tables;
    }

    /** The catalog's schemas and this one, sorted: what schemata, SHOW SCHEMAS and JDBC's getSchemas list. */
    public static List<String> schemaNames(Catalog catalog) {
        List<String> names = new ArrayList<>(catalog.schemas());
        names.add(NAME);
        return names.stream().sorted().toList();
    }

    private List<List<Object>> schemaRows() {
        return schemaNames(catalog).stream().map(schema -> List.<Object>of(CATALOG, schema)).toList();
    }

    private List<List<Object>> tableRows() {
        List<List<Object>> rows = new ArrayList<>();
        for (String schema : catalog.schemas()) {
            catalog.tables(schema).forEach(t -> rows.add(List.of(CATALOG, schema, t.name(), "BASE TABLE")));
            catalog.views(schema).forEach(v -> rows.add(List.of(CATALOG, schema, v.name(), "VIEW")));
        }
        for (String table : tableColumns().keySet()) {
            rows.add(List.of(CATALOG, NAME, table, "BASE TABLE"));
        }
        return rows;
    }

    private List<List<Object>> columnRows() {
        List<List<Object>> rows = new ArrayList<>();
        for (String schema : catalog.schemas()) {
            for (TableDefinition table : catalog.tables(schema)) {
                addColumns(rows, schema, table.name(), table.columns());
            }
            for (ViewDefinition view : catalog.views(schema)) {
                addColumns(rows, schema, view.name(), view.columns());
            }
        }
        return rows;
    }

    private static void addColumns(List<List<Object>> rows, String schema, String table, List<ScanColumn> columns) {
        for (int i = 0; i < columns.size(); i++) {
            List<Object> row = new ArrayList<>(List.of(CATALOG, schema, table, columns.get(i).name(), (long) (i + 1)));
            row.add(null);
            row.add("YES");
            row.add(typeName(columns.get(i).type()));
            rows.add(row);
        }
    }

    private List<List<Object>> viewRows() {
        List<List<Object>> rows = new ArrayList<>();
        for (String schema : catalog.schemas()) {
            catalog.views(schema).forEach(v -> rows.add(List.of(CATALOG, schema, v.name(), v.sql())));
        }
        return rows;
    }

    /** Trino's spelling: bigint, varchar, decimal(15,2), timestamp(6). */
    private static String typeName(DataType type) {
        return type.kind() == TypeKind.TIMESTAMP ? "timestamp(6)" : type.toString().toLowerCase(Locale.ROOT);
    }

}
