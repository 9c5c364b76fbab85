package dev.shoal.core.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The partitions of a partitioned table a scan reads, chosen on the coordinator from the filter
 * above it before any file is listed: each kept partition's values (null for NULL), and how many
 * the table has. {@code keptFiles} and {@code totalFiles} count files where the catalog knows them
 * (a table Shoal wrote), and are -1 where finding them needs a listing.
 */
public record PartitionSelection(List<List<String>> kept, int total, long keptFiles, long totalFiles) {
    public PartitionSelection {
        List<List<String>> copy = new ArrayList<>(kept.size());
        // List.copyOf refuses nulls, and NULL is a partition value.
        kept.forEach(values -> copy.add(Collections.unmodifiableList(new ArrayList<>(values))));
        kept = Collections.unmodifiableList(copy);
    }

    /** For EXPLAIN: {@code partitions=1/7 files=3/21}. */
    public String describe() {
        return "partitions=" + kept.size() + "/" + total + (totalFiles < 0 ? "" : " files=" + keptFiles + "/" + totalFiles);
    }
}
