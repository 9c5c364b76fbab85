package dev.shoal.parquet.catalog;

import dev.shoal.core.catalog.DataFile;
import dev.shoal.core.catalog.Partition;
import dev.shoal.core.catalog.TableDefinition;
import dev.shoal.core.plan.Split;
import dev.shoal.parquet.store.Location;
import dev.shoal.parquet.store.ObjectInfo;
import dev.shoal.parquet.store.ObjectStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data files of a table: those committed to it when Shoal wrote it (never a listing, so a
 * file of a failed or concurrent write is never read), otherwise every non-empty object under its
 * location whose name does not start with '_' or '.' (Hive and Spark marker files). A partitioned
 * table's files are its partitions' files, each partition's found the same way under its location.
 */
public final class TableFiles {
    private TableFiles() {
    }

    /** Every data file of the table, of all its partitions. */
    public static List<ObjectInfo> list(ObjectStore store, TableDefinition table) {
        if (!table.isPartitioned()) {
            return files(store, table.location(), table.files());
        }
        List<ObjectInfo> all = new ArrayList<>();
        for (Partition partition : table.partitions()) {
            all.addAll(files(store, partition.location(), partition.files()));
        }
        return all;
    }

    /**
     * One whole-file split per data file of the given partitions (of all the table's files when it
     * is not partitioned), each carrying its partition's values for the scan to return.
     */
    public static List<Split> splits(ObjectStore store, TableDefinition table, List<Partition> partitions) {
        List<Split> splits = new ArrayList<>();
        if (!table.isPartitioned()) {
            for (ObjectInfo file : files(store, table.location(), table.files())) {
                splits.add(new Split(file.location().toString(), file.length(), 0, file.length(), Map.of(), file.version()));
            }
            return splits;
        }
        for (Partition partition : partitions) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < table.partitionColumns().size(); i++) {
                values.put(table.partitionColumns().get(i), partition.values().get(i));
            }
            for (ObjectInfo file : files(store, partition.location(), partition.files())) {
                splits.add(new Split(file.location().toString(), file.length(), 0, file.length(), values, file.version()));
            }
        }
        return splits;
    }

    private static List<ObjectInfo> files(ObjectStore store, String location, Optional<List<DataFile>> committed) {
        if (committed.isPresent()) {
            return committed.get().stream().map(f -> new ObjectInfo(Location.parse(f.path()), f.bytes())).toList();
        }
        List<ObjectInfo> files = new ArrayList<>();
        for (ObjectInfo object : store.list(Location.parse(location))) {
            String key = object.location().key();
            String name = key.substring(key.lastIndexOf('/') + 1);
            if (!name.startsWith("_") && !name.startsWith(".") && object.length() > 0) {
                files.add(object);
            }
        }
        return files;
    }
}
