package dev.shoal.parquet.store;

import java.util.Optional;

/**
 * How to reach S3 or an S3-compatible server. Keys are optional: without them the AWS default
 * credentials chain applies. {@link #toString()} never shows the secret.
 */
public record S3Config(Optional<String> endpoint, String region, boolean pathStyle,
                       Optional<String> accessKey, Optional<String> secretKey) {

    public static S3Config of(String endpoint, String accessKey, String secretKey) {
        return new S3Config(Optional.of(endpoint), "us-east-1", true, Optional.of(accessKey), Optional.of(secretKey));
    }

    @Override
    public String toString() {
        return "S3Config[endpoint=" + endpoint.orElse("(AWS)") + ", region=" + region + ", pathStyle=" + pathStyle
                + ", credentials=" + (accessKey.isPresent() ? "static" : "default chain") + "]";
    }
}
