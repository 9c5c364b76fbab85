package dev.shoal.parquet.reader;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.VectorBuilder;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.core.type.DataType;
import dev.shoal.parquet.store.EmbeddedS3Server;
import dev.shoal.parquet.store.Location;
import dev.shoal.parquet.store.S3ObjectStore;
import dev.shoal.parquet.writer.ParquetBatchWriter;
import dev.shoal.parquet.writer.ParquetWriteOptions;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files written to a real S3 server (S3Proxy over HTTP) and read back through the vectorized reader. */
class ParquetRoundTripTest {
    private static final int ROWS = 20_000;
    private static final List<ScanColumn> COLUMNS = List.of(
            new ScanColumn("id", DataType.BIGINT),
            new ScanColumn("small", DataType.INTEGER),
            new ScanColumn("price", DataType.decimal(15, 2)),
            new ScanColumn("ratio", DataType.DOUBLE),
            new ScanColumn("flag", DataType.BOOLEAN),
            new ScanColumn("category", DataType.VARCHAR),
            new ScanColumn("comment", DataType.VARCHAR),
            new ScanColumn("day", DataType.DATE),
            new ScanColumn("at", DataType.TIMESTAMP),
            new ScanColumn("total", DataType.decimal(38, 4)));

    @TempDir
    static Path root;
    private static EmbeddedS3Server server;
    private static S3ObjectStore store;
    private static Batch data;

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedS3Server.start(root.resolve("s3"), 0, "test-access", "test-secret-key");
        store = new S3ObjectStore(server.config());
        store.createBucketIfMissing("lake");
        data = sampleData();
    }

    @AfterAll
    static void stop() throws Exception {
        store.close();
        server.close();
    }

    private static Batch sampleData() {
        List<VectorBuilder> builders = COLUMNS.stream().map(c -> VectorBuilder.create(c.type(), ROWS)).toList();
        for (int i = 0; i < ROWS; i++) {
            boolean isNull = i % 7 == 3;
            builders.get(0).appendValue((long) i * 1_000_003L);
            builders.get(1).appendValue(isNull ? null : (long) (i % 50 - 25));
            builders.get(2).appendValue(isNull ? null : (long) i * 137 - 500_000);
            builders.get(3).appendValue(isNull ? null : i / 7.0);
            builders.get(4).appendValue(isNull ? null : i % 3 == 0);
            builders.get(5).appendValue(isNull ? null : "cat-" + (i % 5));
            builders.get(6).appendValue(isNull ? null : "comment é " + i + "x".repeat(i % 13));
            builders.get(7).appendValue(isNull ? null : (long) (i % 3000 + 8000));
            builders.get(8).appendValue(isNull ? null : 1_600_000_000_000_000L + i * 1_000_000L);
            // Every third value needs 128 bits; the others fit in a long.
            builders.get(9).appendValue(isNull ? null : i % 3 == 0
                    ? BigInteger.TEN.pow(30).multiply(BigInteger.valueOf(i - ROWS / 2)).add(BigInteger.valueOf(i))
                    : (Object) ((long) i * 7 - 9999));
        }
        List<ColumnVector> vectors = builders.stream().map(VectorBuilder::build).toList();
        return new Batch(vectors, ROWS);
    }

    static Stream<Arguments> formats() {
        List<Arguments> out = new ArrayList<>();
        for (CompressionCodecName codec : List.of(CompressionCodecName.UNCOMPRESSED, CompressionCodecName.SNAPPY,
                CompressionCodecName.GZIP, CompressionCodecName.ZSTD)) {
            for (ParquetProperties.WriterVersion version : ParquetProperties.WriterVersion.values()) {
                out.add(Arguments.of(codec, version));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("formats")
    void readsBackEveryValueForEachCodecAndPageVersion(CompressionCodecName codec, ParquetProperties.WriterVersion version) {
        Location location = Location.parse("s3://lake/roundtrip/" + codec + "-" + version + ".parquet");
        write(location, ParquetWriteOptions.defaults().withCodec(codec).withWriterVersion(version)
                .withRowGroupBytes(64 * 1024).withPageBytes(8 * 1024));

        List<Batch> batches = readAll(location, COLUMNS, new LongAdder());

        assertTrue(batches.size() > 1, "small row groups give several batches");
        int row = 0;
        for (Batch batch : batches) {
            for (int i = 0; i < batch.rowCount(); i++, row++) {
                for (int c = 0; c < COLUMNS.size(); c++) {
                    assertEquals(data.column(c).valueAt(row), batch.column(c).valueAt(i),
                            "row " + row + " column " + COLUMNS.get(c).name());
                }
            }
        }
        assertEquals(ROWS, row);
    }

    @Test
    void duckDbReadsTheSameValuesFromTheFileOnDisk() throws Exception {
        Location location = Location.parse("s3://lake/duckdb/check.parquet");
        write(location, ParquetWriteOptions.defaults());
        Path file = server.fileFor(location);
        long expectedPrice = 0;
        for (int i = 0; i < ROWS; i++) {
            if (!data.column(2).isNull(i)) {
                expectedPrice += (Long) data.column(2).valueAt(i);
            }
        }
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duck.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*), count(price), sum(price), min(day), max(comment), "
                     + "sum(total) FROM read_parquet('" + file + "')")) {
            rs.next();
            assertEquals(ROWS, rs.getLong(1));
            assertEquals(ROWS - (ROWS + 3) / 7, rs.getLong(2));
            assertEquals(BigDecimal.valueOf(expectedPrice, 2), rs.getBigDecimal(3));
            assertEquals(LocalDate.ofEpochDay(8000), rs.getObject(4, LocalDate.class));
            BigInteger expectedTotal = BigInteger.ZERO;
            for (int i = 0; i < ROWS; i++) {
                Object value = data.column(9).valueAt(i);
                if (value != null) {
                    expectedTotal = expectedTotal.add(value instanceof BigInteger big ? big : BigInteger.valueOf((Long) value));
                }
            }
            assertEquals(new BigDecimal(expectedTotal, 4), rs.getBigDecimal(6), "DuckDB reads the 16-byte decimals");
        }
    }

    @Test
    void byteRangesReadEveryRowGroupExactlyOnce() {
        Location location = Location.parse("s3://lake/ranges/data.parquet");
        write(location, ParquetWriteOptions.defaults().withRowGroupBytes(64 * 1024));
        long length = store.length(location);
        List<Long> ids = new ArrayList<>();
        int rangesWithRows = 0;
        long[] cuts = {0, length / 3, length / 2, length - 1, length};
        for (int r = 0; r + 1 < cuts.length; r++) {
            int before = ids.size();
            try (ParquetSplitReader reader = new ParquetSplitReader(store, location, length, cuts[r], cuts[r + 1],
                    List.of(COLUMNS.get(0)), new LongAdder())) {
                for (Batch batch = reader.nextRowGroup(); batch != null; batch = reader.nextRowGroup()) {
                    for (int i = 0; i < batch.rowCount(); i++) {
                        ids.add((Long) batch.column(0).valueAt(i));
                    }
                }
            }
            rangesWithRows += ids.size() > before ? 1 : 0;
        }
        assertTrue(rangesWithRows >= 2, "the row groups spread over several ranges");
        assertEquals(ROWS, ids.size());
        assertEquals(ROWS, ids.stream().distinct().count());
    }

    @Test
    void fetchesOnlyTheProjectedColumns() {
        Location location = Location.parse("s3://lake/projection/data.parquet");
        write(location, ParquetWriteOptions.defaults().withCodec(CompressionCodecName.UNCOMPRESSED));
        LongAdder all = new LongAdder();
        LongAdder one = new LongAdder();
        readAll(location, COLUMNS, all);
        List<Batch> flags = readAll(location, List.of(new ScanColumn("flag", DataType.BOOLEAN)), one);

        assertEquals(ROWS, flags.stream().mapToInt(Batch::rowCount).sum());
        assertTrue(one.sum() * 5 < all.sum(), "one boolean column read " + one.sum() + " bytes, all columns " + all.sum());
    }

    @Test
    void columnMissingFromTheFileReadsAsNull() {
        Location location = Location.parse("s3://lake/missing-column/data.parquet");
        write(location, ParquetWriteOptions.defaults());
        List<Batch> batches = readAll(location, List.of(new ScanColumn("ID", DataType.BIGINT),
                new ScanColumn("added_later", DataType.VARCHAR)), new LongAdder());
        assertEquals(0L, batches.get(0).column(0).valueAt(0));
        assertNull(batches.get(0).column(1).valueAt(0));
    }

    @Test
    void missingFileIsReportedByName() {
        Location location = Location.parse("s3://lake/nowhere/none.parquet");
        ShoalException e = assertThrows(ShoalException.class, () -> store.length(location));
        assertEquals(ErrorCode.FILE_NOT_FOUND, e.code());
        assertTrue(e.getMessage().contains("s3://lake/nowhere/none.parquet"), e.getMessage());
    }

    @Test
    void corruptFileIsReportedByName() throws Exception {
        Location location = Location.parse("s3://lake/corrupt/bad.parquet");
        store.write(location, "this is not a parquet file at all, just some text".getBytes());
        ShoalException e = assertThrows(ShoalException.class, () -> readAll(location, COLUMNS, new LongAdder()));
        assertEquals(ErrorCode.CORRUPT_FILE, e.code());
        assertTrue(e.getMessage().contains("s3://lake/corrupt/bad.parquet"), e.getMessage());
        assertTrue(Files.exists(server.fileFor(location)));
    }

    @Test
    void declaredTypeThatDoesNotFitIsReportedWithFileAndColumn() {
        Location location = Location.parse("s3://lake/mismatch/data.parquet");
        write(location, ParquetWriteOptions.defaults());
        ShoalException e = assertThrows(ShoalException.class,
                () -> readAll(location, List.of(new ScanColumn("comment", DataType.BIGINT)), new LongAdder()));
        assertEquals(ErrorCode.TYPE_MISMATCH, e.code());
        assertTrue(e.getMessage().contains("comment") && e.getMessage().contains("mismatch/data.parquet"), e.getMessage());
    }

    private static void write(Location location, ParquetWriteOptions options) {
        try (ParquetBatchWriter writer = new ParquetBatchWriter(store, location, COLUMNS, options)) {
            writer.write(data.slice(0, ROWS / 2));
            writer.write(data.slice(ROWS / 2, ROWS - ROWS / 2));
        }
    }

    private static List<Batch> readAll(Location location, List<ScanColumn> columns, LongAdder bytesRead) {
        List<Batch> batches = new ArrayList<>();
        try (ParquetSplitReader reader = new ParquetSplitReader(store, location, store.length(location), columns, bytesRead)) {
            for (Batch batch = reader.nextRowGroup(); batch != null; batch = reader.nextRowGroup()) {
                batches.add(batch);
            }
        }
        return batches;
    }
}
