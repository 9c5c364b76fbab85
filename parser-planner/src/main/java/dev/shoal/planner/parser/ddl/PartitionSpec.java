package dev.shoal.planner.parser.ddl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * {@code PARTITION (k1 = v1, k2 = v2) [LOCATION '...']} in ALTER TABLE: the columns as written
 * (lower-case), each value's text (null for NULL), and where the partition's files are.
 */
public record PartitionSpec(List<String> columns, List<String> values, Optional<String> location) {
    public PartitionSpec {
        columns = List.copyOf(columns);
        // List.copyOf refuses nulls, and NULL is a partition value.
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }
}
