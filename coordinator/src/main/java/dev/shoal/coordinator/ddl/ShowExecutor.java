package dev.shoal.coordinator.ddl;

import dev.shoal.core.catalog.Catalog;
import dev.shoal.core.catalog.TableDefinition;
import dev.shoal.core.catalog.ViewDefinition;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.core.type.DataType;
import dev.shoal.core.type.TypeKind;
import dev.shoal.planner.calcite.InformationSchema;
import dev.shoal.planner.calcite.SystemSchema;
import dev.shoal.planner.calcite.SystemTable;
import dev.shoal.planner.functions.BuiltinFunctions;
import dev.shoal.planner.functions.FunctionInfo;
import dev.shoal.planner.parser.ddl.SqlShow;
import org.apache.calcite.sql.SqlDescribeTable;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * SHOW SCHEMAS, SHOW TABLES, SHOW COLUMNS, DESCRIBE, SHOW CREATE TABLE and SHOW PARTITIONS, from
 * the catalog, with Trino's result columns (Athena's for SHOW PARTITIONS).
 */
final class ShowExecutor {
    private static final List<String> COLUMN_LISTING = List.of("Column", "Type", "Extra", "Comment");

    private final Catalog catalog;
    /** The coordinator's tables under the {@code system} catalog, for SHOW SCHEMAS FROM system. */
    private final List<SystemTable> systemTables;

    ShowExecutor(Catalog catalog, List<SystemTable> systemTables) {
        this.catalog = catalog;
        this.systemTables = List.copyOf(systemTables);
    }

    static List<String> resultColumns(SqlNode statement) {
        if (statement instanceof SqlDescribeTable) {
            return COLUMN_LISTING;
        }
        if (statement instanceof SqlShow show) {
            return switch (show.subject()) {
                case SCHEMAS -> List.of("Schema");
                case TABLES -> List.of("Table");
                case COLUMNS -> COLUMN_LISTING;
                case CREATE_TABLE -> List.of("Create Table");
                case PARTITIONS -> List.of("partition");
                case CATALOGS -> List.of("Catalog");
                case FUNCTIONS -> List.of("Function", "Return Type", "Argument Types", "Function Type", "Deterministic", "Description");
                case SESSION -> List.of();
            };
        }
        return List.of();
    }

    /** {@code defaultSchema}: the session's, for names without a schema. */
    CommandResult execute(SqlNode statement, String defaultSchema) {
        if (statement instanceof SqlDescribeTable describe) {
            return columns(TableName.of(describe.getTable(), defaultSchema));
        }
        SqlShow show = (SqlShow) statement;
        return switch (show.subject()) {
            case SCHEMAS -> names(show, schemaNames(show.schema().map(c -> TableName.simple(c, "catalog")).orElse(InformationSchema.CATALOG)));
            case TABLES -> names(show, show.schema().map(this::tablesOf).orElseGet(() -> tablesOf(defaultSchema)));
            case COLUMNS -> columns(TableName.of(show.schema().orElseThrow(), defaultSchema));
            case CREATE_TABLE -> text(show, createTable(table(TableName.of(show.schema().orElseThrow(), defaultSchema))));
            case PARTITIONS -> partitions(table(TableName.of(show.schema().orElseThrow(), defaultSchema)));
            // The catalog of tables and the coordinator's own, as Trino names them (JDBC's getCatalogs lists the same).
            case CATALOGS -> names(show, List.of(InformationSchema.CATALOG, SystemSchema.NAME));
            case FUNCTIONS -> functions(show);
            case SESSION -> throw new IllegalStateException("SHOW SESSION is a session statement");
        };
    }

    /** Trino's SHOW FUNCTIONS [LIKE 'pattern']: a row per signature, by name. */
    private static CommandResult functions(SqlShow show) {
        LikePattern like = show.like().map(LikePattern::new).orElse(null);
        List<Object[]> rows = new ArrayList<>();
        for (FunctionInfo function : BuiltinFunctions.all()) {
            if (like == null || like.matches(function.name())) {
                rows.add(new Object[] {function.name(), function.returnType(), function.argumentTypes(), function.kind().label(),
                        String.valueOf(function.deterministic()), function.description()});
            }
        }
        return CommandResult.rows(rows);
    }

    /** Athena's SHOW PARTITIONS: one row per partition, {@code k1=v1/k2=v2}, in name order. */
    private static CommandResult partitions(TableDefinition table) {
        if (!table.isPartitioned()) {
            throw new ShoalException(ErrorCode.NOT_SUPPORTED, "table " + table.qualifiedName() + " is not partitioned");
        }
        List<Object[]> rows = table.partitions().stream().map(p -> p.name(table.partitionColumns())).sorted()
                .map(name -> new Object[] {name}).toList();
        return CommandResult.rows(rows);
    }

    /**
     * A catalog's schemas: the tables' catalog's and information_schema, as information_schema.schemata lists them
     * (and Trino's SHOW SCHEMAS); the system catalog's, as its tables are named.
     */
    private List<String> schemaNames(String catalogName) {
        if (catalogName.equals(InformationSchema.CATALOG)) {
            return InformationSchema.schemaNames(catalog);
        }
        if (catalogName.equals(SystemSchema.NAME)) {
            return SystemSchema.schemaNames(systemTables);
        }
        throw unknownCatalog(catalogName);
    }

    private static ShoalException unknownCatalog(String name) {
        return new ShoalException(ErrorCode.UNKNOWN_CATALOG, "catalog " + name + " does not exist; SHOW CATALOGS lists them");
    }

    /**
     * The tables of {@code schema}, or of {@code catalog.schema} as Trino names them: the tables' catalog's
     * schemas, or the system catalog's (system.runtime).
     */
    private List<String> tablesOf(SqlIdentifier schema) {
        if (schema.names.size() == 2) {
            String catalogName = schema.names.get(0).toLowerCase(Locale.ROOT);
            String schemaName = schema.names.get(1).toLowerCase(Locale.ROOT);
            if (catalogName.equals(SystemSchema.NAME)) {
                List<String> names = systemTables.stream().filter(t -> t.schema().equals(schemaName)).map(SystemTable::name).sorted().toList();
                if (names.isEmpty()) {
                    throw new ShoalException(ErrorCode.UNKNOWN_SCHEMA, "schema " + schema + " does not exist");
                }
                return names;
            }
            if (!catalogName.equals(InformationSchema.CATALOG)) {
                throw unknownCatalog(catalogName);
            }
            return tablesOf(schemaName);
        }
        return tablesOf(TableName.simple(schema, "schema"));
    }

    private List<String> tablesOf(String schema) {
        if (schema.equals(InformationSchema.NAME)) {
            return InformationSchema.tableColumns().keySet().stream().sorted().toList();
        }
        if (catalog.schema(schema).isEmpty()) {
            throw new ShoalException(ErrorCode.UNKNOWN_SCHEMA, "schema " + schema + " does not exist");
        }
        List<String> names = new ArrayList<>(catalog.tables(schema).stream().map(TableDefinition::name).toList());
        catalog.views(schema).forEach(view -> names.add(view.name()));
        return names.stream().sorted().toList();
    }

    private TableDefinition table(TableName name) {
        return catalog.table(name.schema(), name.table())
                .orElseThrow(() -> new ShoalException(ErrorCode.UNKNOWN_TABLE, "table " + name + " does not exist"));
    }

    private static CommandResult names(SqlShow show, List<String> names) {
        LikePattern like = show.like().map(LikePattern::new).orElse(null);
        List<Object[]> rows = names.stream().filter(n -> like == null || like.matches(n)).map(n -> new Object[] {n}).toList();
        return CommandResult.rows(rows);
    }

    /** A table's or a view's columns; a partition column says so in Extra, as Trino's DESCRIBE does. */
    private CommandResult columns(TableName name) {
        if (name.schema().equals(InformationSchema.NAME)) {
            List<ScanColumn> columns = InformationSchema.tableColumns().get(name.table());
            if (columns == null) {
                throw new ShoalException(ErrorCode.UNKNOWN_TABLE, "table " + name + " does not exist");
            }
            return CommandResult.rows(columns.stream().map(c -> new Object[] {c.name(), typeName(c.type()), "", ""}).toList());
        }
        Optional<ViewDefinition> view = catalog.view(name.schema(), name.table());
        TableDefinition table = view.isPresent() ? null : table(name);
        List<Object[]> rows = new ArrayList<>();
        for (ScanColumn column : view.isPresent() ? view.get().columns() : table.columns()) {
            boolean partitionKey = table != null && table.isPartitionColumn(column.name());
            rows.add(new Object[] {column.name(), typeName(column.type()), partitionKey ? "partition key" : "", ""});
        }
        return CommandResult.rows(rows);
    }

    private static CommandResult text(SqlShow show, String text) {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {text});
        return CommandResult.rows(rows);
    }

    /** Trino's spelling of a type: bigint, varchar, decimal(15,2), timestamp(6) (microseconds). */
    static String typeName(DataType type) {
        return type.kind() == TypeKind.TIMESTAMP ? "timestamp(6)" : type.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * A CREATE EXTERNAL TABLE that re-creates the table over the same files: the columns, the
     * location and the properties. (A table Shoal wrote comes back as an external table over its
     * folder.)
     */
    static String createTable(TableDefinition table) {
        StringBuilder sql = new StringBuilder("CREATE EXTERNAL TABLE ").append(quoted(table.schema())).append('.')
                .append(quoted(table.name())).append(' ');
        sql.append(columnList(table.dataColumns())).append("\n");
        String comment = table.properties().get("comment");
        if (comment != null) {
            sql.append("COMMENT ").append(literal(comment)).append('\n');
        }
        if (table.isPartitioned()) {
            sql.append("PARTITIONED BY ").append(columnList(table.partitionColumnTypes())).append('\n');
        }
        sql.append("STORED AS PARQUET\nLOCATION ").append(literal(table.location()));
        List<String> properties = new ArrayList<>();
        for (Map.Entry<String, String> property : table.properties().entrySet()) {
            if (!property.getKey().equals("comment")) {
                properties.add("   " + literal(property.getKey()) + " = " + literal(property.getValue()));
            }
        }
        if (!properties.isEmpty()) {
            sql.append("\nTBLPROPERTIES (\n").append(String.join(",\n", properties)).append("\n)");
        }
        return sql.toString();
    }

    private static String columnList(List<ScanColumn> columns) {
        StringBuilder list = new StringBuilder("(\n");
        for (int i = 0; i < columns.size(); i++) {
            ScanColumn column = columns.get(i);
            list.append("   ").append(quoted(column.name())).append(' ').append(typeName(column.type()))
                    .append(i + 1 < columns.size() ? ",\n" : "\n");
        }
        return list.append(")").toString();
    }

    private static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
