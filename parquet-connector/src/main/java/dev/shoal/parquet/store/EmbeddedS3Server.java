package dev.shoal.parquet.store;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An S3 server in this JVM (S3Proxy), for {@code shoal local} and tests. Objects are plain files
 * at {@code root/<bucket>/<key>}, so other tools (DuckDB) read the same bytes from disk.
 */
public final class EmbeddedS3Server implements AutoCloseable {
    private final S3Proxy proxy;
    private final Path root;
    private final String accessKey;
    private final String secretKey;

    private EmbeddedS3Server(S3Proxy proxy, Path root, String accessKey, String secretKey) {
        this.proxy = proxy;
        this.root = root;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    /** Starts on 127.0.0.1; {@code port} 0 picks a free port. */
    public static EmbeddedS3Server start(Path root, int port, String accessKey, String secretKey) throws Exception {
        Files.createDirectories(root);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(new FilesystemNio2BlobStore(root.toString()))
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .build();
        proxy.start();
        long deadline = System.currentTimeMillis() + 10_000;
        while (!proxy.getState().equals("STARTED")) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
            }
            Thread.sleep(10);
        }
        return new EmbeddedS3Server(proxy, root, accessKey, secretKey);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + proxy.getPort();
    }

    public S3Config config() {
        return S3Config.of(endpoint(), accessKey, secretKey);
    }

    /** The local file that holds an object: the same bytes S3 clients read. */
    public Path fileFor(Location location) {
        return root.resolve(location.bucket()).resolve(location.key());
    }

    public Path root() {
        return root;
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
