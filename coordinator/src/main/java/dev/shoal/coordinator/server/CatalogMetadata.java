package dev.shoal.coordinator.server;

import dev.shoal.coordinator.ddl.LikePattern;
import dev.shoal.core.catalog.Catalog;
import dev.shoal.core.catalog.TableDefinition;
import dev.shoal.core.catalog.ViewDefinition;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.core.type.DataType;
import dev.shoal.core.type.TypeKind;
import dev.shoal.planner.calcite.InformationSchema;
import dev.shoal.planner.calcite.SystemSchema;
import dev.shoal.planner.calcite.SystemTable;
import dev.shoal.planner.functions.BuiltinFunctions;
import dev.shoal.planner.functions.FunctionInfo;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.Meta;

import java.sql.DatabaseMetaData;
import java.sql.ResultSetMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rows of JDBC's DatabaseMetaData listings (getCatalogs, getSchemas, getTables, getColumns,
 * getTableTypes, getTypeInfo), with the columns and order JDBC specifies, from the catalog. As in a
 * Trino cluster, there are two catalogs: {@link #CATALOG}, the tables (and its information_schema),
 * and {@code system}, whose {@code runtime} schema holds the coordinator's own tables.
 */
final class CatalogMetadata {
    static final String CATALOG = InformationSchema.CATALOG;
    private static final String TABLE = "TABLE";
    private static final String VIEW = "VIEW";
    private static final String SYSTEM_TABLE = "SYSTEM TABLE";

    private final Catalog catalog;
    private final List<SystemTable> systemTables;

    CatalogMetadata(Catalog catalog, List<SystemTable> systemTables) {
        this.catalog = catalog;
        this.systemTables = List.copyOf(systemTables);
    }

    /** Column layout and rows of one listing. */
    record Listing(List<ColumnMetaData> columns, List<Object> rows) {
    }

    Listing catalogs() {
        List<Object> rows = oneRow(CATALOG);
        rows.add(new Object[] {SystemSchema.NAME});
        return new Listing(columns(varchar("TABLE_CAT")), rows);
    }

    /** Ordered by catalog, then schema, as JDBC asks. */
    Listing schemas(String catalogName, String schemaPattern) {
        List<Object> rows = new ArrayList<>();
        LikePattern schemas = LikePattern.jdbc(schemaPattern);
        if (catalogMatches(catalogName, CATALOG)) {
            InformationSchema.schemaNames(catalog).stream().filter(schemas::matches).forEach(schema -> rows.add(new Object[] {schema, CATALOG}));
        }
        if (catalogMatches(catalogName, SystemSchema.NAME)) {
            SystemSchema.schemaNames(systemTables).stream().filter(schemas::matches)
                    .forEach(schema -> rows.add(new Object[] {schema, SystemSchema.NAME}));
        }
        return new Listing(columns(varchar("TABLE_SCHEM"), varchar("TABLE_CATALOG")), rows);
    }

    Listing tableTypes() {
        List<Object> rows = oneRow(TABLE);
        rows.add(new Object[] {VIEW});
        rows.add(new Object[] {SYSTEM_TABLE});
        return new Listing(columns(varchar("TABLE_TYPE")), rows);
    }

    Listing tables(String catalogName, String schemaPattern, String tablePattern, List<String> types) {
        List<Object> rows = new ArrayList<>();
        for (Relation relation : relations(catalogName, schemaPattern, tablePattern)) {
            if (types == null || types.stream().anyMatch(relation.type()::equalsIgnoreCase)) {
                rows.add(new Object[] {relation.catalog(), relation.schema(), relation.name(), relation.type(), relation.comment(), null,
                        null, null, null, null});
            }
        }
        return new Listing(columns(varchar("TABLE_CAT"), varchar("TABLE_SCHEM"), varchar("TABLE_NAME"), varchar("TABLE_TYPE"),
                varchar("REMARKS"), varchar("TYPE_CAT"), varchar("TYPE_SCHEM"), varchar("TYPE_NAME"),
                varchar("SELF_REFERENCING_COL_NAME"), varchar("REF_GENERATION")), rows);
    }

    Listing columns(String catalogName, String schemaPattern, String tablePattern, String columnPattern) {
        List<Object> rows = new ArrayList<>();
        LikePattern columns = LikePattern.jdbc(columnPattern);
        List<Relation> tables = new ArrayList<>(relations(catalogName, schemaPattern, tablePattern));
        // JDBC orders columns by table (catalog, schema, name), then position: types do not count here.
        tables.sort(Comparator.comparing(Relation::catalog).thenComparing(Relation::schema).thenComparing(Relation::name));
        for (Relation table : tables) {
            int position = 0;
            for (ScanColumn column : table.columns()) {
                position++;
                if (!columns.matches(column.name())) {
                    continue;
                }
                DataType type = column.type();
                rows.add(new Object[] {table.catalog(), table.schema(), table.name(), column.name(), ResultColumns.sqlType(type),
                        ResultColumns.typeName(type), ResultColumns.precision(type), null, type.scale(), 10,
                        DatabaseMetaData.columnNullable, null, null, null, null, null, position, "YES", null, null, null,
                        null, "NO", "NO"});
            }
        }
        return new Listing(columns(varchar("TABLE_CAT"), varchar("TABLE_SCHEM"), varchar("TABLE_NAME"), varchar("COLUMN_NAME"),
                integer("DATA_TYPE"), varchar("TYPE_NAME"), integer("COLUMN_SIZE"), integer("BUFFER_LENGTH"),
                integer("DECIMAL_DIGITS"), integer("NUM_PREC_RADIX"), integer("NULLABLE"), varchar("REMARKS"),
                varchar("COLUMN_DEF"), integer("SQL_DATA_TYPE"), integer("SQL_DATETIME_SUB"), integer("CHAR_OCTET_LENGTH"),
                integer("ORDINAL_POSITION"), varchar("IS_NULLABLE"), varchar("SCOPE_CATALOG"), varchar("SCOPE_SCHEMA"),
                varchar("SCOPE_TABLE"), integer("SOURCE_DATA_TYPE"), varchar("IS_AUTOINCREMENT"), varchar("IS_GENERATEDCOLUMN")),
                rows);
    }

    /** The types a column can have, as JDBC's getTypeInfo lists them. */
    Listing typeInfo() {
        List<Object> rows = new ArrayList<>();
        for (DataType type : List.of(DataType.BOOLEAN, DataType.INTEGER, DataType.BIGINT, DataType.DOUBLE,
                DataType.decimal(DataType.MAX_DECIMAL_PRECISION, 0), DataType.VARCHAR, DataType.DATE, DataType.TIMESTAMP)) {
            boolean text = type.equals(DataType.VARCHAR);
            rows.add(new Object[] {ResultColumns.typeName(type), ResultColumns.sqlType(type), ResultColumns.precision(type),
                    text ? "'" : null, text ? "'" : null, type.kind() == TypeKind.DECIMAL ? "precision,scale" : null,
                    DatabaseMetaData.typeNullable, text, DatabaseMetaData.typeSearchable, !type.isNumeric(), false, false,
                    ResultColumns.typeName(type), 0, type.kind() == TypeKind.DECIMAL ? DataType.MAX_DECIMAL_PRECISION : 0,
                    null, null, 10});
        }
        return new Listing(columns(varchar("TYPE_NAME"), integer("DATA_TYPE"), integer("PRECISION"), varchar("LITERAL_PREFIX"),
                varchar("LITERAL_SUFFIX"), varchar("CREATE_PARAMS"), integer("NULLABLE"), bool("CASE_SENSITIVE"),
                integer("SEARCHABLE"), bool("UNSIGNED_ATTRIBUTE"), bool("FIXED_PREC_SCALE"), bool("AUTO_INCREMENT"),
                varchar("LOCAL_TYPE_NAME"), integer("MINIMUM_SCALE"), integer("MAXIMUM_SCALE"), integer("SQL_DATA_TYPE"),
                integer("SQL_DATETIME_SUB"), integer("NUM_PREC_RADIX")), rows);
    }

    /**
     * The built-in functions (see {@link BuiltinFunctions}), a row per signature. They belong to no
     * catalog or schema: a call that names one lists none.
     */
    Listing functions(String catalogName, String schemaPattern, String functionPattern) {
        List<Object> rows = new ArrayList<>();
        boolean unscoped = (catalogName == null || catalogName.isEmpty()) && (schemaPattern == null || schemaPattern.equals("%"));
        LikePattern names = LikePattern.jdbc(functionPattern);
        for (FunctionInfo function : unscoped ? BuiltinFunctions.all() : List.<FunctionInfo>of()) {
            if (names.matches(function.name())) {
                rows.add(new Object[] {null, null, function.name(), function.description(), DatabaseMetaData.functionNoTable,
                        function.name() + "(" + function.argumentTypes() + ")"});
            }
        }
        return new Listing(columns(varchar("FUNCTION_CAT"), varchar("FUNCTION_SCHEM"), varchar("FUNCTION_NAME"), varchar("REMARKS"),
                integer("FUNCTION_TYPE"), varchar("SPECIFIC_NAME")), rows);
    }

    /** A one-row frame (List.of(new Object[] {x}) would take the array as its varargs: one row per value). */
    private static List<Object> oneRow(Object... values) {
        List<Object> rows = new ArrayList<>();
        rows.add(values);
        return rows;
    }

    /** A table, a view or a system table, as the listings show each. */
    private record Relation(String catalog, String schema, String name, String type, String comment, List<ScanColumn> columns) {
    }

    /** In JDBC's order: by type, catalog, schema and name. */
    private List<Relation> relations(String catalogName, String schemaPattern, String tablePattern) {
        List<Relation> relations = new ArrayList<>();
        LikePattern schemas = LikePattern.jdbc(schemaPattern);
        LikePattern names = LikePattern.jdbc(tablePattern);
        if (catalogMatches(catalogName, CATALOG)) {
            for (String schema : catalog.schemas()) {
                if (!schemas.matches(schema)) {
                    continue;
                }
                for (TableDefinition table : catalog.tables(schema)) {
                    if (names.matches(table.name())) {
                        relations.add(new Relation(CATALOG, schema, table.name(), TABLE, table.properties().get("comment"), table.columns()));
                    }
                }
                for (ViewDefinition view : catalog.views(schema)) {
                    if (names.matches(view.name())) {
                        relations.add(new Relation(CATALOG, schema, view.name(), VIEW, null, view.columns()));
                    }
                }
            }
            if (schemas.matches(InformationSchema.NAME)) {
                InformationSchema.tableColumns().forEach((name, columns) -> {
                    if (names.matches(name)) {
                        relations.add(new Relation(CATALOG, InformationSchema.NAME, name, SYSTEM_TABLE, null, columns));
                    }
                });
            }
        }
        if (catalogMatches(catalogName, SystemSchema.NAME)) {
            for (SystemTable table : systemTables) {
                if (schemas.matches(table.schema()) && names.matches(table.name())) {
                    relations.add(new Relation(SystemSchema.NAME, table.schema(), table.name(), SYSTEM_TABLE, null, table.columns()));
                }
            }
        }
        relations.sort(Comparator.comparing(Relation::type).thenComparing(Relation::catalog).thenComparing(Relation::schema)
                .thenComparing(Relation::name));
        return relations;
    }

    private static boolean catalogMatches(String catalogName, String name) {
        return catalogName == null || catalogName.isEmpty() || catalogName.equalsIgnoreCase(name);
    }

    /** JDBC's search patterns (see {@link LikePattern#jdbc}); null matches everything. */
    static boolean matches(String pattern, String name) {
        return LikePattern.jdbc(pattern).matches(name);
    }

    private static List<ColumnMetaData> columns(ColumnMetaData... columns) {
        List<ColumnMetaData> list = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            ColumnMetaData c = columns[i];
            list.add(new ColumnMetaData(i, false, true, false, false, c.nullable, c.signed, c.displaySize, c.label, c.columnName,
                    null, c.precision, c.scale, null, null, c.type, true, false, false, c.columnClassName));
        }
        return list;
    }

    private static ColumnMetaData varchar(String name) {
        return column(name, Types.VARCHAR, "VARCHAR", ColumnMetaData.Rep.STRING, String.class);
    }

    private static ColumnMetaData integer(String name) {
        return column(name, Types.INTEGER, "INTEGER", ColumnMetaData.Rep.INTEGER, Integer.class);
    }

    private static ColumnMetaData bool(String name) {
        return column(name, Types.BOOLEAN, "BOOLEAN", ColumnMetaData.Rep.BOOLEAN, Boolean.class);
    }

    private static ColumnMetaData column(String name, int sqlType, String typeName, ColumnMetaData.Rep rep, Class<?> javaClass) {
        // Signed: DATA_TYPE holds negative codes (BIGINT is -5), which an unsigned INTEGER column refuses.
        boolean signed = rep == ColumnMetaData.Rep.INTEGER;
        return new ColumnMetaData(0, false, true, false, false, ResultSetMetaData.columnNullable, signed, 64, name, name, null, 0, 0,
                null, null, ColumnMetaData.scalar(sqlType, typeName, rep), true, false, false, javaClass.getName());
    }

    /** What MetaImpl's listings take as a pattern. */
    static String pattern(Meta.Pat pat) {
        return pat == null ? null : pat.s;
    }
}
