package dev.shoal.coordinator.ddl;

import dev.shoal.coordinator.lifecycle.TrackedQuery;
import dev.shoal.core.catalog.Catalog;
import dev.shoal.core.catalog.SchemaDefinition;
import dev.shoal.core.catalog.TableDefinition;
import dev.shoal.core.catalog.TableKind;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.parquet.store.Location;
import dev.shoal.parquet.store.ObjectInfo;
import dev.shoal.parquet.store.ObjectStore;
import dev.shoal.planner.WrittenColumns;
import dev.shoal.planner.parser.ddl.ColumnTypes;
import dev.shoal.planner.parser.ddl.SqlCreateTable;
import dev.shoal.planner.parser.ddl.SqlCreateTableAs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CREATE TABLE ... AS SELECT: the query runs with a table writer in every task of its last
 * distributed fragment, each task writing its own files; the coordinator collects the list of
 * files the tasks report and only then creates the table with them in the catalog, in one
 * transaction ({@link TableWrite}). A failure anywhere before that commit deletes the files of this
 * write and leaves no table.
 */
final class CreateTableExecutor {
    private final Catalog catalog;
    private final ObjectStore store;
    private final TableWrite write;
    private final Optional<String> warehouse;

    CreateTableExecutor(Catalog catalog, ObjectStore store, TableWrite write, Optional<String> warehouse) {
        this.catalog = catalog;
        this.store = store;
        this.write = write;
        this.warehouse = warehouse;
    }

    CommandResult execute(SqlCreateTableAs ctas, TableName name, boolean analyze, TrackedQuery query) {
        long start = System.nanoTime();
        SchemaDefinition schema = catalog.schema(name.schema()).orElseThrow(() -> new ShoalException(ErrorCode.UNKNOWN_SCHEMA,
                "schema " + name.schema() + " does not exist (CREATE SCHEMA " + name.schema() + " first)"));
        if (catalog.table(name.schema(), name.table()).isPresent()) {
            if (ctas.ifNotExists) {
                return CommandResult.updated(0);
            }
            throw new ShoalException(ErrorCode.ALREADY_EXISTS, "table " + name + " already exists");
        }
        TableProperties properties = TableProperties.of(ctas.properties(), name);
        TableKind kind = properties.externalLocation().isPresent() ? TableKind.EXTERNAL : TableKind.MANAGED;
        String location = location(properties, schema, name);
        checkEmpty(location, name);

        List<String> partitionedBy = properties.partitionedBy();
        WriteSpec spec = new WriteSpec(name.toString(), location, properties.compression(), partitionedBy, properties.bucketedBy(),
                properties.bucketCount());
        TableWrite.Result written = write.write(spec, ctas.query(), start, ctas.withData(), analyze, query,
                result -> catalog.createTable(new TableDefinition(name.schema(), name.table(), location,
                        result.columns(), kind, tableProperties(properties), Optional.of(result.files()), partitionedBy,
                        result.partitions(partitionedBy, location)), result.writeId()));
        return CommandResult.written(written, name.toString());
    }

    /** {@code CREATE TABLE t (columns) [WITH (...)]}: a managed (or external_location) table with no files yet. */
    CommandResult createEmpty(SqlCreateTable create, TableName name) {
        SchemaDefinition schema = catalog.schema(name.schema()).orElseThrow(() -> new ShoalException(ErrorCode.UNKNOWN_SCHEMA,
                "schema " + name.schema() + " does not exist (CREATE SCHEMA " + name.schema() + " first)"));
        if (catalog.table(name.schema(), name.table()).isPresent()) {
            if (create.ifNotExists) {
                return CommandResult.done();
            }
            throw new ShoalException(ErrorCode.ALREADY_EXISTS, "table " + name + " already exists");
        }
        List<ScanColumn> columns = ColumnTypes.columns(create.columns());
        TableProperties properties = TableProperties.of(create.properties(), name);
        WrittenColumns.checkPartitionColumns(columns, properties.partitionedBy());
        WrittenColumns.checkBucketColumns(columns, properties.partitionedBy(), properties.bucketedBy());
        String location = location(properties, schema, name);
        checkEmpty(location, name);
        catalog.createTable(new TableDefinition(name.schema(), name.table(), location, columns,
                properties.externalLocation().isPresent() ? TableKind.EXTERNAL : TableKind.MANAGED, tableProperties(properties),
                Optional.of(List.of()), properties.partitionedBy(), List.of()));
        return CommandResult.done();
    }

    private String location(TableProperties properties, SchemaDefinition schema, TableName name) {
        return properties.externalLocation().or(() -> schema.location().map(l -> l + name.table() + "/"))
                .or(() -> warehouse.map(w -> w + name.schema() + "/" + name.table() + "/"))
                .orElseThrow(() -> new ShoalException(ErrorCode.INVALID_ARGUMENT, "table " + name + " has no location: give "
                        + "WITH (external_location = 's3://...'), or create its schema with a LOCATION"));
    }

    private static Map<String, String> tableProperties(TableProperties properties) {
        Map<String, String> tableProperties = new LinkedHashMap<>();
        tableProperties.put("format", "PARQUET");
        tableProperties.put("write_compression", properties.compression());
        tableProperties.putAll(properties.bucketingProperties());
        return tableProperties;
    }

    private void checkEmpty(String location, TableName name) {
        List<ObjectInfo> existing = store.list(Location.parse(location));
        if (!existing.isEmpty()) {
            throw new ShoalException(ErrorCode.ALREADY_EXISTS, "table " + name + ": location " + location + " already holds "
                    + existing.size() + " object(s), such as " + existing.get(0).location() + "; a new table needs an empty one");
        }
    }
}
