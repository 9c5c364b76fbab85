package dev.shoal.parquet.reader;

import dev.shoal.parquet.store.Location;
import dev.shoal.parquet.store.ObjectStore;
import org.apache.parquet.bytes.ByteBufferAllocator;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.ParquetFileRange;
import org.apache.parquet.io.SeekableInputStream;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;

/**
 * A Parquet {@link InputFile} over ranged reads of an object store. Small reads (the footer,
 * page headers) are served from a window fetched at once; large reads (column chunks) fetch
 * exactly their range, so only projected columns cross the network. Ranges asked for ahead
 * ({@link #prefetch}) are fetched on other threads, and a read inside one of them waits for it
 * instead of fetching: a scan overlaps the next row group's round trip with decoding this one.
 */
public final class StoreInputFile implements InputFile {
    /** Reads smaller than this are widened to a window of this size: the footer arrives in one GET. */
    private static final int SMALL_READ_WINDOW = 64 * 1024;

    private final ObjectStore store;
    private final Location location;
    private final long length;
    private final LongAdder bytesRead;
    /** The ranges fetched ahead, for the row group about to be read; replaced by the next call to {@link #prefetch}. */
    private volatile List<Prefetched> prefetched = List.of();

    /** Bytes {@code [from, from + length)} of the file, arriving. */
    private record Prefetched(long from, int length, CompletableFuture<byte[]> bytes) {
        boolean covers(long position, int len) {
            return position >= from && position + len <= from + length;
        }
    }

    public StoreInputFile(ObjectStore store, Location location, long length, LongAdder bytesRead) {
        this.store = store;
        this.location = location;
        this.length = length;
        this.bytesRead = bytesRead;
    }

    public Location location() {
        return location;
    }

    /** Chunks at most this far apart are fetched in one request: the store's cost of a request, in bytes. */
    long mergeGapBytes() {
        return store.mergeGapBytes(location);
    }

    @Override
    public long getLength() {
        return length;
    }

    /**
     * Starts fetching each range {@code {from, length}} on {@code fetches}, dropping those fetched
     * ahead before. Reads that fall inside one of them are served from it.
     */
    public void prefetch(List<long[]> ranges, Executor fetches) {
        List<Prefetched> started = new ArrayList<>(ranges.size());
        for (long[] range : ranges) {
            long from = range[0];
            int len = Math.toIntExact(range[1]);
            started.add(new Prefetched(from, len, CompletableFuture.supplyAsync(() -> fetch(from, len), fetches)));
        }
        replacePrefetched(List.copyOf(started));
    }

    /** Done when every range fetched ahead has arrived (or failed: the read reports it). */
    public CompletableFuture<Void> prefetchedArrived() {
        List<Prefetched> current = prefetched;
        if (current.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.allOf(current.stream().map(Prefetched::bytes).toArray(CompletableFuture[]::new))
                .handle((ignored, failure) -> null);
    }

    /** What the ranges fetched ahead hold (or will, once arrived). */
    public long prefetchedBytes() {
        long bytes = 0;
        for (Prefetched p : prefetched) {
            bytes += p.length();
        }
        return bytes;
    }

    /** Drops the ranges fetched ahead; a fetch under way is abandoned. */
    public void dropPrefetched() {
        replacePrefetched(List.of());
    }

    private void replacePrefetched(List<Prefetched> ranges) {
        List<Prefetched> before = prefetched;
        prefetched = ranges;
        before.forEach(p -> p.bytes().cancel(false));
    }

    private byte[] fetch(long from, int len) {
        byte[] bytes = store.read(location, from, len);
        bytesRead.add(bytes.length);
        return bytes;
    }

    private static byte[] arrived(Prefetched range) throws IOException {
        try {
            return range.bytes().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(e.getCause());
        }
    }

    @Override
    public SeekableInputStream newStream() {
        return new RangedStream();
    }

    @Override
    public String toString() {
        return location.toString();
    }

    private final class RangedStream extends SeekableInputStream {
        private long position;
        private byte[] window = new byte[0];
        private long windowStart;

        @Override
        public long getPos() {
            return position;
        }

        @Override
        public void seek(long newPos) {
            position = newPos;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            if (read(one, 0, 1) < 0) {
                return -1;
            }
            return one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int len) throws IOException {
            if (position >= length) {
                return -1;
            }
            int n = (int) Math.min(len, length - position);
            readFully(buffer, offset, n);
            return n;
        }

        @Override
        public void readFully(byte[] bytes) throws IOException {
            readFully(bytes, 0, bytes.length);
        }

        @Override
        public void readFully(byte[] bytes, int start, int len) throws IOException {
            bytesAt(position, len).get(bytes, start, len);
            position += len;
        }

        /**
         * Bytes {@code [from, from + len)} of the file, as a buffer over what holds them: a range fetched
         * ahead, the small-read window, or bytes fetched now (a small read widened to a new window).
         * Never copied here, and never written to after: a buffer stays valid while anyone holds it.
         */
        private ByteBuffer bytesAt(long from, int len) throws IOException {
            if (from < 0 || from + len > length) {
                throw new EOFException("read past the end of " + location + " (" + length + " bytes)");
            }
            Prefetched ahead = prefetchedCovering(from, len);
            if (ahead != null) {
                return ByteBuffer.wrap(arrived(ahead), (int) (from - ahead.from()), len).slice();
            }
            if (len >= SMALL_READ_WINDOW) {
                return ByteBuffer.wrap(fetch(from, len));
            }
            if (from < windowStart || from + len > windowStart + window.length) {
                long windowFrom = Math.max(0, Math.min(from, length - SMALL_READ_WINDOW));
                window = fetch(windowFrom, (int) Math.min(SMALL_READ_WINDOW, length - windowFrom));
                windowStart = windowFrom;
            }
            return ByteBuffer.wrap(window, (int) (from - windowStart), len).slice();
        }

        @Override
        public int read(ByteBuffer buf) throws IOException {
            int n = (int) Math.min(buf.remaining(), length - position);
            if (n <= 0) {
                return -1;
            }
            readInto(buf, n);
            return n;
        }

        @Override
        public void readFully(ByteBuffer buf) throws IOException {
            readInto(buf, buf.remaining());
        }

        /** {@code n} bytes into {@code buf}: straight into its array when it has one (parquet-java's heap buffers do). */
        private void readInto(ByteBuffer buf, int n) throws IOException {
            if (buf.hasArray()) {
                readFully(buf.array(), buf.arrayOffset() + buf.position(), n);
                buf.position(buf.position() + n);
                return;
            }
            byte[] bytes = new byte[n];
            readFully(bytes, 0, n);
            buf.put(bytes);
        }

        /** Lets parquet-java take a row group's column chunks as they arrived, without copying them into buffers of its own. */
        @Override
        public boolean readVectoredAvailable(ByteBufferAllocator allocator) {
            return true;
        }

        /**
         * Each range as a buffer over the bytes that hold it (see {@link #bytesAt}). parquet-java only reads
         * these buffers, so pieces of a row group may share them.
         */
        @Override
        public void readVectored(List<ParquetFileRange> ranges, ByteBufferAllocator allocator) throws IOException {
            for (ParquetFileRange range : ranges) {
                range.setDataReadFuture(CompletableFuture.completedFuture(bytesAt(range.getOffset(), range.getLength())));
            }
        }

        private Prefetched prefetchedCovering(long position, int len) {
            for (Prefetched range : prefetched) {
                if (range.covers(position, len)) {
                    return range;
                }
            }
            return null;
        }
    }
}
