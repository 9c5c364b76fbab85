package dev.shoal.catalog.partition;

import dev.shoal.core.catalog.Partition;
import dev.shoal.core.catalog.PartitionNames;
import dev.shoal.core.catalog.PartitionValues;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.core.type.DataType;
import dev.shoal.parquet.store.Location;
import dev.shoal.parquet.store.ObjectInfo;
import dev.shoal.parquet.store.ObjectStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a table's Hive-style partitions under its location: the {@code k1=v1/k2=v2/} folders
 * that hold data files, in the partition columns' order, as Hive's MSCK REPAIR and Athena's
 * crawler find them. Folders and files whose names start with '_' or '.' are skipped (Spark's
 * {@code _temporary/}, {@code _SUCCESS}); a data file at another depth or under other keys, and a
 * value that does not parse as its column's type, is an error naming the table and the folder.
 */
public final class PartitionDiscovery {
    private PartitionDiscovery() {
    }

    /** The partitions under {@code location} with at least one data file, in name order. */
    public static List<Partition> discover(ObjectStore store, String location, List<ScanColumn> partitionColumns, String table) {
        List<String> keys = partitionColumns.stream().map(ScanColumn::name).toList();
        Map<String, Partition> found = new LinkedHashMap<>();
        String root = directory(location);
        for (String folder : dataFolders(store, root)) {
            if (found.containsKey(folder)) {
                continue;
            }
            List<String> values = values(folder, keys, table, root);
            for (int i = 0; i < values.size(); i++) {
                try {
                    PartitionValues.parse(values.get(i), partitionColumns.get(i).type(), keys.get(i));
                } catch (ShoalException e) {
                    throw new ShoalException(ErrorCode.INVALID_CAST, "table " + table + ", folder " + root + folder + "/: "
                            + e.getMessage());
                }
            }
            found.put(folder, new Partition(values, root + folder + "/", Optional.empty()));
        }
        return found.values().stream().sorted((a, b) -> a.name(keys).compareTo(b.name(keys))).toList();
    }

    /**
     * The partition columns the folders under {@code location} spell, for a table declared without
     * them: the keys of the first data file's folders, each typed BIGINT when all its values are
     * integers, DATE when all are dates, VARCHAR otherwise (as DuckDB's hive_types_autocast).
     */
    public static List<ScanColumn> inferColumns(ObjectStore store, String location) {
        String root = directory(location);
        List<String> folders = dataFolders(store, root);
        if (folders.isEmpty() || folders.get(0).isEmpty()) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        for (String segment : folders.get(0).split("/")) {
            int equals = segment.indexOf('=');
            if (equals <= 0) {
                return List.of();
            }
            keys.add(PartitionNames.unescape(segment.substring(0, equals)));
        }
        List<ScanColumn> columns = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            int index = i;
            List<String> values = folders.stream().filter(f -> f.split("/").length == keys.size())
                    .map(f -> valueOf(f.split("/")[index])).filter(v -> v != null).toList();
            columns.add(new ScanColumn(keys.get(i), inferType(values)));
        }
        return columns;
    }

    private static DataType inferType(List<String> values) {
        if (!values.isEmpty() && values.stream().allMatch(v -> v.matches("-?\\d{1,18}"))) {
            return DataType.BIGINT;
        }
        if (!values.isEmpty() && values.stream().allMatch(v -> v.matches("\\d{4}-\\d{2}-\\d{2}"))) {
            return DataType.DATE;
        }
        return DataType.VARCHAR;
    }

    private static String valueOf(String segment) {
        String value = segment.substring(segment.indexOf('=') + 1);
        return value.equals(PartitionNames.DEFAULT_PARTITION) ? null : PartitionNames.unescape(value);
    }

    private static List<String> values(String folder, List<String> keys, String table, String root) {
        try {
            return PartitionNames.values(keys, folder);
        } catch (ShoalException e) {
            throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "table " + table + ": folder " + root + folder
                    + "/ holds data files but is not a partition of (" + String.join(", ", keys) + ")"
                    + (folder.isEmpty() ? "; a partitioned table's files go under its key=value/ folders" : ""));
        }
    }

    /** The folders, relative to {@code root} and without a trailing '/', of each data file under it, in key order. */
    private static List<String> dataFolders(ObjectStore store, String root) {
        List<String> folders = new ArrayList<>();
        Location base = Location.parse(root).asDirectory();
        for (ObjectInfo object : store.list(base)) {
            String relative = object.location().key().substring(base.key().length());
            if (object.length() == 0 || hidden(relative)) {
                continue;
            }
            int slash = relative.lastIndexOf('/');
            folders.add(slash < 0 ? "" : relative.substring(0, slash));
        }
        return folders;
    }

    private static boolean hidden(String relative) {
        for (String segment : relative.split("/")) {
            if (segment.startsWith("_") || segment.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String directory(String location) {
        return location.endsWith("/") ? location : location + "/";
    }
}
