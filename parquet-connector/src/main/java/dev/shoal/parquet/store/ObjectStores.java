package dev.shoal.parquet.store;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;

import java.util.List;
import java.util.Optional;

/** Routes each location to the store for its scheme: {@code s3://} or {@code file:}. */
public final class ObjectStores implements ObjectStore {
    private final Optional<S3ObjectStore> s3;
    private final LocalObjectStore local = new LocalObjectStore();

    public ObjectStores(Optional<S3Config> s3Config) {
        this.s3 = s3Config.map(S3ObjectStore::new);
    }

    public ObjectStore storeFor(Location location) {
        if (location.isS3()) {
            return s3.orElseThrow(() -> new ShoalException(
                    ErrorCode.STORAGE_ERROR, "no S3 endpoint is configured for " + location));
        }
        return local;
    }

    @Override
    public long length(Location location) {
        return storeFor(location).length(location);
    }

    @Override
    public byte[] read(Location location, long offset, int length) {
        return storeFor(location).read(location, offset, length);
    }

    @Override
    public long mergeGapBytes(Location location) {
        return storeFor(location).mergeGapBytes(location);
    }

    @Override
    public List<ObjectInfo> list(Location prefix) {
        return storeFor(prefix).list(prefix);
    }

    @Override
    public void write(Location location, byte[] content) {
        storeFor(location).write(location, content);
    }

    @Override
    public void delete(Location location) {
        storeFor(location).delete(location);
    }

    @Override
    public void close() {
        s3.ifPresent(S3ObjectStore::close);
    }
}
