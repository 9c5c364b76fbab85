package dev.shoal.planner;

import dev.shoal.core.catalog.HiveBuckets;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.core.type.DataType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The columns a CREATE TABLE AS writes or a view shows: the query's, each named, no name twice (Trino's rules). */
public final class WrittenColumns {
    /** What a write's result rows hold: one row per file written. */
    static final List<String> FILE_COLUMNS = List.of("path", "bytes", "rows", "partition");

    private WrittenColumns() {
    }

    public static List<ScanColumn> of(List<String> names, List<DataType> types) {
        List<ScanColumn> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).toLowerCase(Locale.ROOT);
            if (name.matches("_col\\d+")) {
                throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "column " + (i + 1)
                        + " of the query has no name: give it one with AS");
            }
            if (!seen.add(name)) {
                throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "column name " + name + " is given more than once");
            }
            columns.add(new ScanColumn(name, types.get(i)));
        }
        return columns;
    }

    /** Bucketing columns: columns of the query, not partition columns, of a type Hive's bucket hash is defined for (as in Trino). */
    public static void checkBucketColumns(List<ScanColumn> columns, List<String> partitionColumns, List<String> bucketedBy) {
        for (String bucketed : bucketedBy) {
            ScanColumn column = columns.stream().filter(c -> c.name().equals(bucketed)).findFirst()
                    .orElseThrow(() -> new ShoalException(ErrorCode.INVALID_ARGUMENT, "bucketing column " + bucketed
                            + " is not a column of the query, whose columns are "
                            + String.join(", ", columns.stream().map(ScanColumn::name).toList())));
            if (partitionColumns.contains(bucketed)) {
                throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "column " + bucketed + " is a partition column; "
                        + "a table is bucketed by other columns");
            }
            if (!HiveBuckets.BUCKETABLE.contains(column.type().kind())) {
                throw new ShoalException(ErrorCode.NOT_SUPPORTED, "bucketing column " + bucketed + " is " + column.type()
                        + "; Hive's bucket hash is defined for BOOLEAN, INTEGER, BIGINT, DOUBLE, VARCHAR and DATE");
            }
        }
    }

    /**
     * Partition columns must be columns of the query, its last ones, in the order {@code partitioned_by}
     * names them (as Trino and Athena require): their values go in folder names, not in the files.
     */
    public static void checkPartitionColumns(List<ScanColumn> columns, List<String> partitionColumns) {
        List<String> names = columns.stream().map(ScanColumn::name).toList();
        for (String partition : partitionColumns) {
            if (!names.contains(partition)) {
                throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "partition column " + partition
                        + " is not a column of the query, whose columns are " + String.join(", ", names));
            }
        }
        if (!partitionColumns.isEmpty() && partitionColumns.size() == names.size()) {
            throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "a partitioned table needs a column that is not a partition column");
        }
        List<String> last = names.subList(names.size() - partitionColumns.size(), names.size());
        if (!last.equals(partitionColumns)) {
            throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "partition columns " + String.join(", ", partitionColumns)
                    + " must be the last columns of the query, in that order; its last columns are " + String.join(", ", last));
        }
    }
}
