package dev.shoal.parquet.store;


import java.util.Map;
import java.util.Optional;

/**
 * S3 settings from the environment, never from the command line (where every user of the machine
 * could read them): SHOAL_S3_ENDPOINT for S3-compatible servers (path-style then), AWS_REGION,
 * and AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, else the AWS default credentials chain.
 */
public final class S3Environment {
    private S3Environment() {
    }

    public static S3Config fromEnvironment() {
        return from(System.getenv());
    }

    static S3Config from(Map<String, String> env) {
        Optional<String> endpoint = Optional.ofNullable(env.get("SHOAL_S3_ENDPOINT")).filter(s -> !s.isBlank());
        String region = Optional.ofNullable(env.get("AWS_REGION")).filter(s -> !s.isBlank()).orElse("us-east-1");
        Optional<String> accessKey = Optional.ofNullable(env.get("AWS_ACCESS_KEY_ID")).filter(s -> !s.isBlank());
        Optional<String> secretKey = Optional.ofNullable(env.get("AWS_SECRET_ACCESS_KEY")).filter(s -> !s.isBlank());
        return new S3Config(endpoint, region, endpoint.isPresent(), accessKey, secretKey);
    }
}
