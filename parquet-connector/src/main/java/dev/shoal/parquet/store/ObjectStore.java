package dev.shoal.parquet.store;

import java.util.List;

/**
 * The few operations Shoal needs from a store of immutable objects. Reads are ranged, so a scan
 * fetches only the column chunks it projects. Implementations are thread-safe.
 */
public interface ObjectStore extends AutoCloseable {
    /** The object's size in bytes; fails with {@code FILE_NOT_FOUND} naming the location. */
    long length(Location location);

    /** {@code length} bytes starting at {@code offset}. */
    byte[] read(Location location, long offset, int length);

    /**
     * Reads at most this many bytes apart are better made as one read: about what one more request
     * costs, in bytes read. None by default (a local file's read costs no more than its bytes).
     */
    default long mergeGapBytes(Location location) {
        return 0;
    }

    /** The objects under a directory-like prefix, recursively, in key order. */
    List<ObjectInfo> list(Location prefix);

    void write(Location location, byte[] content);

    void delete(Location location);

    @Override
    default void close() {
    }
}
