package dev.shoal.parquet.store;

/**
 * An object found by a listing: where it is, how many bytes it has, and its version as the store
 * tells it (an S3 ETag, a local file's modification time; empty when unknown), which changes when
 * the object is replaced under the same name.
 */
public record ObjectInfo(Location location, long length, String version) {
    public ObjectInfo {
        version = version == null ? "" : version;
    }

    public ObjectInfo(Location location, long length) {
        this(location, length, "");
    }
}
