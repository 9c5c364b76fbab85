package dev.shoal.core.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A unit of scan work: the row groups of one Parquet file whose middle byte lies in
 * {@code [start, end)} (Hadoop's rule, so that ranges cut anywhere still give each row group to
 * exactly one split). {@code length} is the file's size. A file of a partition carries the
 * partition's values by column name (null for NULL), which the scan returns for those columns.
 */
public record Split(String uri, long length, long start, long end, Map<String, String> partitionValues) {
    public Split {
        if (start < 0 || end < start || end > length) {
            throw new IllegalArgumentException("split range [" + start + ", " + end + ") outside a file of " + length + " bytes");
        }
        // Map.copyOf refuses nulls, and NULL is a partition value.
        partitionValues = Collections.unmodifiableMap(new LinkedHashMap<>(partitionValues));
    }

    public Split(String uri, long length, long start, long end) {
        this(uri, length, start, end, Map.of());
    }

    /** The whole file. */
    public Split(String uri, long length) {
        this(uri, length, 0, length);
    }

    /** The same file range, of a partition with these values. */
    public Split withPartitionValues(Map<String, String> values) {
        return new Split(uri, length, start, end, values);
    }

    public long bytes() {
        return end - start;
    }
}
