package dev.shoal.core.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A partition of a table: one value per partition column (as the folder name spells it,
 * unescaped; null for NULL), the prefix holding its files, and for a table Shoal wrote the files
 * committed to it (an external table's partition is read by listing its location).
 */
public record Partition(List<String> values, String location, Optional<List<DataFile>> files) {
    public Partition {
        // List.copyOf refuses nulls, and NULL is a partition value.
        values = Collections.unmodifiableList(new ArrayList<>(values));
        files = files.map(List::copyOf);
    }

    /** Hive's name of the partition, {@code k1=v1/k2=v2}, for the table's partition columns. */
    public String name(List<String> keys) {
        return PartitionNames.name(keys, values);
    }

    public Partition withFiles(List<DataFile> newFiles) {
        return new Partition(values, location, Optional.of(newFiles));
    }
}
