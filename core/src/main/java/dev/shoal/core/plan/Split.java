package dev.shoal.core.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A unit of scan work: the row groups of one Parquet file whose middle byte lies in
 * {@code [start, end)} (Hadoop's rule, so that ranges cut anywhere still give each row group to
 * exactly one split). {@code length} is the file's size. A file of a partition carries the
 * partition's values by column name (null for NULL), which the scan returns for those columns.
 * {@code version} is the file's version as its store listed it (an S3 ETag, a local file's
 * modification time), or empty when unknown (files Shoal committed, never rewritten in place):
 * what a worker keeps of a file (its footer) is reused only for the same version.
 */
public record Split(String uri, long length, long start, long end, Map<String, String> partitionValues, String version) {
    public Split {
        if (start < 0 || end < start || end > length) {
            throw new IllegalArgumentException("split range [" + start + ", " + end + ") outside a file of " + length + " bytes");
        }
        // Map.copyOf refuses nulls, and NULL is a partition value.
        partitionValues = Collections.unmodifiableMap(new LinkedHashMap<>(partitionValues));
        version = version == null ? "" : version;
    }

    public Split(String uri, long length, long start, long end, Map<String, String> partitionValues) {
        this(uri, length, start, end, partitionValues, "");
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
        return new Split(uri, length, start, end, values, version);
    }

    /** Bytes {@code [from, to)} of the same file. */
    public Split withRange(long from, long to) {
        return new Split(uri, length, from, to, partitionValues, version);
    }

    public long bytes() {
        return end - start;
    }
}
