package dev.shoal.parquet.reader;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.VectorBuilder;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.core.type.DataType;
import dev.shoal.parquet.store.EmbeddedS3Server;
import dev.shoal.parquet.store.Location;
import dev.shoal.parquet.store.ObjectInfo;
import dev.shoal.parquet.store.ObjectStore;
import dev.shoal.parquet.store.S3ObjectStore;
import dev.shoal.parquet.writer.ParquetBatchWriter;
import dev.shoal.parquet.writer.ParquetWriteOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The worker's footer cache and a scan's read-ahead, against a real S3 server (S3Proxy over HTTP). */
class FooterCacheAndReadAheadTest {
    private static final int ROWS = 30_000;
    private static final List<ScanColumn> COLUMNS = List.of(
            new ScanColumn("id", DataType.BIGINT),
            new ScanColumn("name", DataType.VARCHAR),
            new ScanColumn("amount", DataType.DOUBLE));

    @TempDir
    static Path root;
    private static EmbeddedS3Server server;
    private static S3ObjectStore s3;
    private static ExecutorService fetchThreads;

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedS3Server.start(root.resolve("s3"), 0, "test-access", "test-secret-key");
        s3 = new S3ObjectStore(server.config());
        s3.createBucketIfMissing("lake");
        fetchThreads = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "test-fetch");
            thread.setDaemon(true);
            return thread;
        });
    }

    @AfterAll
    static void stop() throws Exception {
        fetchThreads.shutdownNow();
        s3.close();
        server.close();
    }

    @Test
    void footerIsFetchedOncePerFileVersion() {
        Location location = write("s3://lake/footers/data.parquet");
        long length = s3.length(location);
        FooterCache cache = FooterCache.of(1 << 20);

        assertTrue(readsToOpen(new FooterCache.FileKey(location.toString(), length, "v1"), cache) > 0, "the first reader fetches the footer");
        assertEquals(0, readsToOpen(new FooterCache.FileKey(location.toString(), length, "v1"), cache),
                "the next reader of the same version fetches nothing to open");
        assertEquals(1, cache.size());
        assertTrue(readsToOpen(new FooterCache.FileKey(location.toString(), length, "v2"), cache) > 0,
                "a new version of the file is read afresh");
        assertTrue(readsToOpen(new FooterCache.FileKey(location.toString(), length, "v1"), FooterCache.none()) > 0,
                "without a cache every reader fetches the footer");

        List<Batch> cached = readAll(s3, new FooterCache.FileKey(location.toString(), length, "v1"), cache, null);
        List<Batch> fresh = readAll(s3, new FooterCache.FileKey(location.toString(), length, "v1"), FooterCache.none(), null);
        assertEquals(fresh.size(), cached.size());
        for (int b = 0; b < fresh.size(); b++) {
            assertEquals(values(fresh.get(b)), values(cached.get(b)));
        }
    }

    /** How many reads opening a reader of {@code file} takes. */
    private static long readsToOpen(FooterCache.FileKey file, FooterCache cache) {
        RecordingStore store = new RecordingStore(s3);
        try (ParquetSplitReader reader = new ParquetSplitReader(store, file, 0, file.length(), COLUMNS, new LongAdder(), cache)) {
            assertTrue(reader.hasNextRowGroup());
        }
        return store.reads();
    }

    @Test
    void readAheadReturnsTheSameRowsAndFetchesTheNextRowGroupOnOtherThreads() {
        Location location = write("s3://lake/ahead/data.parquet");
        FooterCache.FileKey file = new FooterCache.FileKey(location.toString(), s3.length(location), "");
        RecordingStore direct = new RecordingStore(s3);
        RecordingStore ahead = new RecordingStore(s3);

        List<Batch> expected = readAll(direct, file, FooterCache.none(), null);
        List<Batch> actual = readAll(ahead, file, FooterCache.none(), fetchThreads);

        assertTrue(expected.size() >= 3, "several row groups: " + expected.size());
        assertEquals(expected.size(), actual.size());
        for (int b = 0; b < expected.size(); b++) {
            assertEquals(values(expected.get(b)), values(actual.get(b)), "row group " + b);
        }
        assertEquals(ahead.distinctRanges(), ahead.reads(), "no range is fetched twice");
        assertTrue(ahead.readsOn("test-fetch") >= expected.size(), "each row group's chunks came from the fetch threads");
    }

    /**
     * A row group cut into pieces by its page index: the pieces read one after another (each fetching ahead only
     * the pages it needs) give the row group's rows, and the rows a filter picks within a piece are the same rows.
     */
    @Test
    void piecesOfARowGroupTogetherAreTheRowGroup() {
        Location location = write("s3://lake/pieces/data.parquet", ParquetWriteOptions.defaults().withPageBytes(4 * 1024));
        FooterCache.FileKey file = new FooterCache.FileKey(location.toString(), s3.length(location), "");
        FooterCache cache = FooterCache.of(1 << 20);
        List<Object> whole = new ArrayList<>();
        readAll(s3, file, cache, null).forEach(batch -> whole.addAll(values(batch)));

        List<RowRange> pieces;
        try (ParquetSplitReader reader = new ParquetSplitReader(s3, file, 0, file.length(), COLUMNS, new LongAdder(), cache)) {
            pieces = reader.pieces(4, 1_000);
        }
        assertEquals(4, pieces.size(), pieces.toString());
        RecordingStore recording = new RecordingStore(s3);
        SharedDictionaries dictionaries = new SharedDictionaries();
        List<Object> inPieces = new ArrayList<>();
        long next = 0;
        for (RowRange piece : pieces) {
            assertEquals(next, piece.firstRow(), "pieces follow each other");
            next = piece.endRow();
            try (ParquetSplitReader reader = new ParquetSplitReader(recording, file, 0, file.length(), piece, dictionaries, COLUMNS,
                    new LongAdder(), cache)) {
                assertEquals(piece.rowCount(), reader.rowCount());
                reader.prefetchNextRowGroup(fetchThreads);
                ParquetSplitReader.RowGroup rowGroup = reader.readNextRowGroup();
                assertEquals(piece.rowCount(), rowGroup.rowCount());
                inPieces.addAll(values(reader.decode(rowGroup)));
                assertTrue(reader.readNextRowGroup() == null, "a piece is one row group's rows");
            }
            // A filter's rows of the piece: every fifth, its names decoded alone.
            try (ParquetSplitReader reader = new ParquetSplitReader(s3, file, 0, file.length(), piece, dictionaries, COLUMNS,
                    new LongAdder(), cache)) {
                ParquetSplitReader.RowGroup rowGroup = reader.readNextRowGroup();
                int[] everyFifth = new int[(rowGroup.rowCount() + 4) / 5];
                for (int i = 0; i < everyFifth.length; i++) {
                    everyFifth[i] = i * 5;
                }
                ColumnVector names = reader.decodeColumn(rowGroup, 1, everyFifth, everyFifth.length);
                for (int i = 0; i < everyFifth.length; i++) {
                    assertEquals(whole.get((int) (piece.firstRow() + everyFifth[i]) * COLUMNS.size() + 1), names.valueAt(i));
                }
            }
        }
        assertEquals(ROWS, next);
        assertEquals(whole, inPieces);
        // Beside its pages, a piece reads the page index (one small read, of the end of the file).
        assertTrue(recording.bytesOn("test-fetch") < s3.length(location) * 6 / 5, "each piece fetches its pages, not whole chunks: "
                + recording.bytesOn("test-fetch") + " bytes for a file of " + s3.length(location));
        assertEquals(recording.bytes(), recording.bytesOn("test-fetch") + recording.bytesOn(Thread.currentThread().getName()));
        assertTrue(recording.readsOn(Thread.currentThread().getName()) <= pieces.size(), "a small read a piece, for its page index");
    }

    @Test
    void aFailedFetchAheadIsReportedWhenItsRowGroupIsReadNamingTheFile() {
        Location location = write("s3://lake/vanishing/data.parquet");
        FooterCache.FileKey file = new FooterCache.FileKey(location.toString(), s3.length(location), "");
        try (ParquetSplitReader reader = new ParquetSplitReader(s3, file, 0, file.length(), COLUMNS, new LongAdder(),
                FooterCache.none())) {
            s3.delete(location);
            reader.prefetchNextRowGroup(fetchThreads);
            reader.prefetchArrived().join();
            ShoalException e = assertThrows(ShoalException.class, reader::readNextRowGroup);
            assertTrue(e.getMessage().contains("s3://lake/vanishing/data.parquet"), e.getMessage());
        }
    }

    @Test
    void closingDropsWhatWasFetchedAhead() {
        Location location = write("s3://lake/dropped/data.parquet");
        FooterCache.FileKey file = new FooterCache.FileKey(location.toString(), s3.length(location), "");
        ParquetSplitReader reader = new ParquetSplitReader(s3, file, 0, file.length(), COLUMNS, new LongAdder(), FooterCache.none());
        reader.prefetchNextRowGroup(fetchThreads);
        assertTrue(reader.prefetchedBytes() > 0);
        reader.close();
        assertEquals(0, reader.prefetchedBytes());
        assertFalse(reader.prefetchArrived().isCompletedExceptionally());
    }

    private static List<Batch> readAll(ObjectStore store, FooterCache.FileKey file, FooterCache cache, ExecutorService fetches) {
        List<Batch> batches = new ArrayList<>();
        try (ParquetSplitReader reader = new ParquetSplitReader(store, file, 0, file.length(), COLUMNS, new LongAdder(), cache)) {
            if (fetches != null) {
                reader.prefetchNextRowGroup(fetches);
            }
            for (ParquetSplitReader.RowGroup rowGroup = reader.readNextRowGroup(); rowGroup != null;
                 rowGroup = reader.readNextRowGroup()) {
                if (fetches != null) {
                    reader.prefetchNextRowGroup(fetches);
                }
                batches.add(reader.decode(rowGroup));
            }
        }
        return batches;
    }

    private static List<Object> values(Batch batch) {
        List<Object> values = new ArrayList<>();
        for (int row = 0; row < batch.rowCount(); row++) {
            for (int c = 0; c < batch.columnCount(); c++) {
                values.add(batch.column(c).valueAt(row));
            }
        }
        return values;
    }

    private static Location write(String uri) {
        return write(uri, ParquetWriteOptions.defaults().withRowGroupBytes(64 * 1024));
    }

    private static Location write(String uri, ParquetWriteOptions options) {
        Location location = Location.parse(uri);
        List<VectorBuilder> builders = COLUMNS.stream().map(c -> VectorBuilder.create(c.type(), ROWS)).toList();
        for (int i = 0; i < ROWS; i++) {
            builders.get(0).appendValue((long) i * 31);
            builders.get(1).appendValue(i % 11 == 0 ? null : "name-" + (i * 7919 % 1000));
            builders.get(2).appendValue(i / 3.0);
        }
        Batch batch = new Batch(builders.stream().map(VectorBuilder::build).toList(), ROWS);
        try (ParquetBatchWriter writer = new ParquetBatchWriter(s3, location, COLUMNS, options)) {
            writer.write(batch);
        }
        return location;
    }

    /** Passes reads through, recording each one's range and the thread that made it. */
    private static final class RecordingStore implements ObjectStore {
        private record Read(long offset, int length, String thread) {
        }

        private final ObjectStore delegate;
        private final List<Read> reads = new ArrayList<>();

        RecordingStore(ObjectStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public byte[] read(Location location, long offset, int length) {
            synchronized (reads) {
                reads.add(new Read(offset, length, Thread.currentThread().getName()));
            }
            return delegate.read(location, offset, length);
        }

        long readsOn(String thread) {
            synchronized (reads) {
                return reads.stream().filter(r -> r.thread().equals(thread)).count();
            }
        }

        long reads() {
            synchronized (reads) {
                return reads.size();
            }
        }

        long bytes() {
            synchronized (reads) {
                return reads.stream().mapToLong(Read::length).sum();
            }
        }

        long bytesOn(String thread) {
            synchronized (reads) {
                return reads.stream().filter(r -> r.thread().equals(thread)).mapToLong(Read::length).sum();
            }
        }

        long distinctRanges() {
            synchronized (reads) {
                return reads.stream().map(r -> r.offset() + ":" + r.length()).distinct().count();
            }
        }

        @Override
        public long length(Location location) {
            return delegate.length(location);
        }

        @Override
        public List<ObjectInfo> list(Location prefix) {
            return delegate.list(prefix);
        }

        @Override
        public void write(Location location, byte[] content) {
            delegate.write(location, content);
        }

        @Override
        public void delete(Location location) {
            delegate.delete(location);
        }
    }
}
