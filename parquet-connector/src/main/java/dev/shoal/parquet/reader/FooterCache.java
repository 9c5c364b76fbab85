package dev.shoal.parquet.reader;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import dev.shoal.core.error.ShoalException;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Parsed Parquet footers of the files a process has read, so that the splits of one file, and the
 * next query over the same files, do not fetch and decode its footer again: on an object store that
 * is a round trip per split. A footer is kept under the file's location, length and version (its
 * ETag or modification time as listed), so a file replaced under the same name is read afresh. Its
 * size is bounded by an estimate of the footers' decoded size; the least recently used go first.
 */
public final class FooterCache {
    /** What one column chunk's metadata (path, offsets, encodings, statistics) takes decoded, roughly. */
    private static final int BYTES_PER_CHUNK = 400;
    private static final int BYTES_PER_FILE = 2048;

    /** A file as a split names it. An empty version is unknown: the file is taken as never rewritten in place. */
    public record FileKey(String uri, long length, String version) {
    }

    private final Cache<FileKey, ParquetMetadata> footers;

    private FooterCache(long maxBytes) {
        this.footers = CacheBuilder.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((FileKey key, ParquetMetadata footer) -> estimatedBytes(footer))
                .build();
    }

    /** A cache holding at most about {@code maxBytes} of decoded footers. */
    public static FooterCache of(long maxBytes) {
        return new FooterCache(maxBytes);
    }

    /** No cache: every open reads the footer. */
    public static FooterCache none() {
        return new FooterCache(0);
    }

    /** The file's footer, read by {@code read} when not held; a failure to read is not kept. */
    public ParquetMetadata get(FileKey file, Supplier<ParquetMetadata> read) {
        try {
            return footers.get(file, read::get);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (com.google.common.util.concurrent.UncheckedExecutionException e) {
            if (e.getCause() instanceof ShoalException shoal) {
                throw shoal;
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    public long size() {
        return footers.size();
    }

    static int estimatedBytes(ParquetMetadata footer) {
        long chunks = 0;
        for (BlockMetaData block : footer.getBlocks()) {
            chunks += block.getColumns().size();
        }
        return (int) Math.min(Integer.MAX_VALUE, BYTES_PER_FILE + chunks * BYTES_PER_CHUNK);
    }
}
