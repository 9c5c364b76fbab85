package dev.shoal.parquet.catalog;

import dev.shoal.core.catalog.TableDefinition;
import dev.shoal.parquet.store.Location;
import dev.shoal.parquet.store.ObjectInfo;
import dev.shoal.parquet.store.ObjectStore;

import java.util.ArrayList;
import java.util.List;

/**
 * The data files of a table: those committed to it when Shoal wrote it (never a listing, so a
 * file of a failed or concurrent write is never read), otherwise every non-empty object under its
 * location whose name does not start with '_' or '.' (Hive and Spark marker files).
 */
public final class TableFiles {
    private TableFiles() {
    }

    public static List<ObjectInfo> list(ObjectStore store, TableDefinition table) {
        if (table.files().isPresent()) {
            return table.files().get().stream().map(f -> new ObjectInfo(Location.parse(f.path()), f.bytes())).toList();
        }
        List<ObjectInfo> files = new ArrayList<>();
        for (ObjectInfo object : store.list(Location.parse(table.location()))) {
            String key = object.location().key();
            String name = key.substring(key.lastIndexOf('/') + 1);
            if (!name.startsWith("_") && !name.startsWith(".") && object.length() > 0) {
                files.add(object);
            }
        }
        return files;
    }
}
