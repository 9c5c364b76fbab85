package dev.shoal.coordinator.ddl;

import dev.shoal.catalog.discovery.FileColumns;
import dev.shoal.catalog.partition.PartitionDiscovery;
import dev.shoal.core.catalog.Catalog;
import dev.shoal.core.catalog.Partition;
import dev.shoal.core.catalog.TableDefinition;
import dev.shoal.core.catalog.TableKind;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.parquet.store.ObjectStore;
import dev.shoal.planner.parser.ddl.ColumnTypes;
import dev.shoal.planner.parser.ddl.SqlCreateExternalTable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CREATE EXTERNAL TABLE over Parquet files someone else wrote. The files must be there and
 * readable; the columns the statement omits come from the first file's footer, and the partition
 * columns it omits from the {@code k=v/} folders. A partitioned table's partitions are found under
 * its location and registered with it, in the same transaction.
 */
final class ExternalTableExecutor {
    private final Catalog catalog;
    private final ObjectStore store;

    ExternalTableExecutor(Catalog catalog, ObjectStore store) {
        this.catalog = catalog;
        this.store = store;
    }

    CommandResult create(SqlCreateExternalTable create, TableName name) {
        if (catalog.schema(name.schema()).isEmpty()) {
            throw new ShoalException(ErrorCode.UNKNOWN_SCHEMA, "schema " + name.schema() + " does not exist (CREATE SCHEMA "
                    + name.schema() + " first)");
        }
        if (catalog.table(name.schema(), name.table()).isPresent()) {
            if (create.ifNotExists) {
                return CommandResult.done();
            }
            throw new ShoalException(ErrorCode.ALREADY_EXISTS, "table " + name + " already exists");
        }
        String format = create.format().getSimple().toUpperCase(Locale.ROOT);
        if (!format.equals("PARQUET")) {
            throw new ShoalException(ErrorCode.NOT_SUPPORTED, "table " + name + ": STORED AS " + format
                    + " is not supported; Shoal reads Parquet");
        }
        String location = DdlExecutor.asPrefix(DdlExecutor.checkLocation(create.location()));
        List<ScanColumn> found = FileColumns.of(store, location, name.toString());
        List<ScanColumn> partitionColumns = create.partitionColumns().isEmpty() && create.columns().isEmpty()
                ? PartitionDiscovery.inferColumns(store, location)
                : ColumnTypes.columns(create.partitionColumns());
        Set<String> partitionNames = partitionColumns.stream().map(ScanColumn::name).collect(Collectors.toSet());
        List<ScanColumn> dataColumns = create.columns().isEmpty()
                ? found.stream().filter(c -> !partitionNames.contains(c.name().toLowerCase(Locale.ROOT))).toList()
                : ColumnTypes.columns(create.columns());
        for (ScanColumn column : dataColumns) {
            if (partitionNames.contains(column.name())) {
                throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "table " + name + ": column " + column.name()
                        + " is both a column and a partition column; a partition column's values are in folder names only");
            }
        }
        List<ScanColumn> columns = new ArrayList<>(dataColumns);
        columns.addAll(partitionColumns);
        List<Partition> partitions = partitionColumns.isEmpty() ? List.of()
                : PartitionDiscovery.discover(store, location, partitionColumns, name.toString());
        Map<String, String> properties = new LinkedHashMap<>(create.properties());
        create.comment().ifPresent(comment -> properties.put("comment", comment));
        catalog.createTable(new TableDefinition(name.schema(), name.table(), location, columns, TableKind.EXTERNAL, properties,
                Optional.empty(), partitionColumns.stream().map(ScanColumn::name).toList(), partitions));
        return CommandResult.done();
    }
}
