package dev.shoal.core.plan;

/**
 * A unit of scan work: the row groups of one Parquet file whose middle byte lies in
 * {@code [start, end)} (Hadoop's rule, so that ranges cut anywhere still give each row group to
 * exactly one split). {@code length} is the file's size.
 */
public record Split(String uri, long length, long start, long end) {
    public Split {
        if (start < 0 || end < start || end > length) {
            throw new IllegalArgumentException("split range [" + start + ", " + end + ") outside a file of " + length + " bytes");
        }
    }

    /** The whole file. */
    public Split(String uri, long length) {
        this(uri, length, 0, length);
    }

    public long bytes() {
        return end - start;
    }
}
