package dev.shoal.parquet.store;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where an object lives: {@code s3://bucket/key} or {@code file:/absolute/path}.
 * For S3 the key never starts with a slash.
 */
public record Location(String scheme, String bucket, String key) {
    public static Location parse(String uri) {
        if (uri.startsWith("s3://") || uri.startsWith("s3a://")) {
            String rest = uri.substring(uri.indexOf("://") + 3);
            int slash = rest.indexOf('/');
            String bucket = slash < 0 ? rest : rest.substring(0, slash);
            String key = slash < 0 ? "" : rest.substring(slash + 1);
            if (bucket.isEmpty()) {
                throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "location has no bucket: " + uri);
            }
            return new Location("s3", bucket, key);
        }
        if (uri.startsWith("file:")) {
            return new Location("file", "", Path.of(URI.create(uri)).toString());
        }
        if (uri.startsWith("/")) {
            return new Location("file", "", uri);
        }
        throw new ShoalException(ErrorCode.INVALID_ARGUMENT,
                "unsupported location '" + uri + "': expected s3://bucket/key or file:/path");
    }

    public static Location ofFile(Path path) {
        return new Location("file", "", path.toAbsolutePath().toString());
    }

    public boolean isS3() {
        return scheme.equals("s3");
    }

    /** A location under this one, treating this one as a directory. */
    public Location resolve(String child) {
        String base = key.isEmpty() || key.endsWith("/") ? key : key + "/";
        return new Location(scheme, bucket, base + child);
    }

    /** The key as a prefix that ends with a slash, for listing the objects under a directory. */
    public Location asDirectory() {
        return key.isEmpty() || key.endsWith("/") ? this : new Location(scheme, bucket, key + "/");
    }

    @Override
    public String toString() {
        return isS3() ? "s3://" + bucket + "/" + key : Path.of(key).toUri().toString();
    }
}
