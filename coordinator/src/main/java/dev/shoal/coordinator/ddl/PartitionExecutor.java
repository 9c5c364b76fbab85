package dev.shoal.coordinator.ddl;

import dev.shoal.catalog.partition.PartitionDiscovery;
import dev.shoal.core.catalog.Catalog;
import dev.shoal.core.catalog.Partition;
import dev.shoal.core.catalog.PartitionValues;
import dev.shoal.core.catalog.TableDefinition;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.parquet.catalog.TableFiles;
import dev.shoal.parquet.store.ObjectStore;
import dev.shoal.planner.parser.ddl.PartitionSpec;
import dev.shoal.planner.parser.ddl.SqlAlterPartitions;
import dev.shoal.planner.parser.ddl.SqlRepairTable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The statements that change a table's partitions: MSCK REPAIR TABLE, ALTER TABLE ADD PARTITION
 * and ALTER TABLE DROP PARTITION. Each is one catalog transaction. The partitions of a table
 * Shoal wrote come from its writes, so only DROP PARTITION applies to it (and deletes the files).
 */
final class PartitionExecutor {
    /** MSCK REPAIR's result: each partition it registered or forgot. */
    static final List<String> REPAIR_COLUMNS = List.of("partition", "action");

    private final Catalog catalog;
    private final ObjectStore store;

    PartitionExecutor(Catalog catalog, ObjectStore store) {
        this.catalog = catalog;
        this.store = store;
    }

    CommandResult repair(SqlRepairTable repair, TableName name) {
        TableDefinition table = partitioned(name);
        if (table.files().isPresent()) {
            throw new ShoalException(ErrorCode.NOT_SUPPORTED, "table " + name + " is written by Shoal: its partitions are "
                    + "those its writes committed, and MSCK REPAIR applies to external tables");
        }
        List<Partition> found = PartitionDiscovery.discover(store, table.location(), table.partitionColumnTypes(), name.toString());
        List<Object[]> rows = new ArrayList<>();
        if (repair.mode() != SqlRepairTable.Mode.DROP) {
            List<Partition> added = found.stream().filter(p -> table.partition(p.values()).isEmpty()).toList();
            if (!added.isEmpty()) {
                catalog.addPartitions(name.schema(), name.table(), added, true);
            }
            added.forEach(p -> rows.add(new Object[] {p.name(table.partitionColumns()), "added"}));
        }
        if (repair.mode() != SqlRepairTable.Mode.ADD) {
            Set<List<String>> present = new HashSet<>();
            found.forEach(p -> present.add(p.values()));
            // A partition registered with a LOCATION of its own is gone only when that location holds no files.
            List<Partition> gone = table.partitions().stream().filter(p -> !present.contains(p.values()))
                    .filter(p -> TableFiles.list(store, table.withPartitions(List.of(p))).isEmpty()).toList();
            if (!gone.isEmpty()) {
                catalog.dropPartitions(name.schema(), name.table(), gone.stream().map(Partition::values).toList(), true);
            }
            gone.forEach(p -> rows.add(new Object[] {p.name(table.partitionColumns()), "dropped"}));
        }
        return CommandResult.rows(rows);
    }

    CommandResult alter(SqlAlterPartitions alter, TableName name) {
        TableDefinition table = partitioned(name);
        return alter.add() ? add(alter, table, name) : drop(alter, table, name);
    }

    private CommandResult add(SqlAlterPartitions alter, TableDefinition table, TableName name) {
        if (table.files().isPresent()) {
            throw new ShoalException(ErrorCode.NOT_SUPPORTED, "table " + name + " is written by Shoal: its partitions come from "
                    + "INSERT; ADD PARTITION registers folders of external tables");
        }
        List<Partition> partitions = new ArrayList<>();
        for (PartitionSpec spec : alter.partitions()) {
            List<String> values = fullValues(spec, table, name);
            String location = spec.location().map(DdlExecutor::checkLocation).map(DdlExecutor::asPrefix)
                    .orElseGet(() -> table.partitionLocation(values));
            partitions.add(new Partition(values, location, Optional.empty()));
        }
        catalog.addPartitions(name.schema(), name.table(), partitions, alter.lenient());
        return CommandResult.done();
    }

    /** Hive's DROP PARTITION: a spec may name some of the partition columns, and drops every partition it matches. */
    private CommandResult drop(SqlAlterPartitions alter, TableDefinition table, TableName name) {
        List<Partition> dropped = new ArrayList<>();
        for (PartitionSpec spec : alter.partitions()) {
            List<Partition> matching = table.partitions().stream().filter(p -> matches(spec, p, table, name)).toList();
            if (matching.isEmpty() && !alter.lenient()) {
                throw new ShoalException(ErrorCode.UNKNOWN_PARTITION, "table " + name + " has no partition matching "
                        + describe(spec) + " (ALTER TABLE ... DROP IF EXISTS PARTITION ignores that)");
            }
            matching.stream().filter(p -> !dropped.contains(p)).forEach(dropped::add);
        }
        if (dropped.isEmpty()) {
            return CommandResult.done();
        }
        catalog.dropPartitions(name.schema(), name.table(), dropped.stream().map(Partition::values).toList(), alter.lenient());
        // The files committed to a dropped partition of a table Shoal wrote go after the commit, as DROP TABLE's do.
        for (Partition partition : dropped) {
            UncommittedFiles.delete(store, partition.files().orElse(List.of()),
                    "partition " + partition.name(table.partitionColumns()) + " of " + name + " is dropped");
        }
        return CommandResult.done();
    }

    private TableDefinition partitioned(TableName name) {
        TableDefinition table = catalog.table(name.schema(), name.table())
                .orElseThrow(() -> new ShoalException(ErrorCode.UNKNOWN_TABLE, "table " + name + " does not exist"));
        if (!table.isPartitioned()) {
            throw new ShoalException(ErrorCode.NOT_SUPPORTED, "table " + name + " is not partitioned");
        }
        return table;
    }

    /** The spec's values in the table's partition column order, each checked against its type and spelled as a folder would be. */
    private static List<String> fullValues(PartitionSpec spec, TableDefinition table, TableName name) {
        if (!new HashSet<>(spec.columns()).equals(new HashSet<>(table.partitionColumns())) || spec.columns().size() != table.partitionColumns().size()) {
            throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "table " + name + " is partitioned by ("
                    + String.join(", ", table.partitionColumns()) + "); PARTITION " + describe(spec) + " must give each of them once");
        }
        List<String> values = new ArrayList<>();
        for (ScanColumn column : table.partitionColumnTypes()) {
            String text = spec.values().get(spec.columns().indexOf(column.name()));
            values.add(PartitionValues.format(parse(text, column, name), column.type()));
        }
        return values;
    }

    private static boolean matches(PartitionSpec spec, Partition partition, TableDefinition table, TableName name) {
        for (int i = 0; i < spec.columns().size(); i++) {
            int key = table.partitionColumns().indexOf(spec.columns().get(i));
            if (key < 0) {
                throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "table " + name + " has no partition column "
                        + spec.columns().get(i) + "; its partition columns are " + String.join(", ", table.partitionColumns()));
            }
            ScanColumn column = table.partitionColumnTypes().get(key);
            if (!Objects.equals(parse(spec.values().get(i), column, name), parse(partition.values().get(key), column, name))) {
                return false;
            }
        }
        return true;
    }

    private static Object parse(String text, ScanColumn column, TableName name) {
        try {
            return PartitionValues.parse(text, column.type(), column.name());
        } catch (ShoalException e) {
            throw new ShoalException(ErrorCode.INVALID_CAST, "table " + name + ": " + e.getMessage());
        }
    }

    private static String describe(PartitionSpec spec) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < spec.columns().size(); i++) {
            parts.add(spec.columns().get(i) + " = " + (spec.values().get(i) == null ? "NULL" : "'" + spec.values().get(i) + "'"));
        }
        return "(" + String.join(", ", parts) + ")";
    }
}
