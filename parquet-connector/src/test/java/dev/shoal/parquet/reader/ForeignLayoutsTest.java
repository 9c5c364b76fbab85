package dev.shoal.parquet.reader;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.core.type.DataType;
import dev.shoal.parquet.store.LocalObjectStore;
import dev.shoal.parquet.store.Location;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.NanoTime;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.JulianFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Files laid out as Spark (parquet-mr) and PyArrow write them, not as Shoal does: INT96
 * timestamps, decimals in INT32, INT64 and FIXED_LEN_BYTE_ARRAY, dictionary-encoded strings in v1
 * and v2 data pages, and nested columns (a struct, a list) that a query does not read. Written
 * here with parquet-java's own example writer, in both page versions.
 */
class ForeignLayoutsTest {
    private static final int ROWS = 3000;
    private static final MessageType SPARK_SCHEMA = MessageTypeParser.parseMessageType("""
            message spark_schema {
              required int64 id;
              optional int96 ts;
              optional int32 price (DECIMAL(9,2));
              optional int64 amount (DECIMAL(18,4));
              optional fixed_len_byte_array(16) big (DECIMAL(38,6));
              optional binary name (STRING);
              optional group address {
                optional binary city (STRING);
                optional int32 zip;
              }
              optional group tags (LIST) {
                repeated group list {
                  optional binary element (STRING);
                }
              }
            }""");
    private static final List<ScanColumn> READ = List.of(new ScanColumn("id", DataType.BIGINT), new ScanColumn("ts", DataType.TIMESTAMP),
            new ScanColumn("price", DataType.decimal(9, 2)), new ScanColumn("amount", DataType.decimal(18, 4)),
            new ScanColumn("big", DataType.decimal(38, 6)), new ScanColumn("name", DataType.VARCHAR));

    @TempDir
    Path folder;

    private static LocalDateTime timeOf(int row) {
        return LocalDateTime.of(2021, 3, 14, 1, 59, 26).plusSeconds(row * 3601L).plusNanos(row * 1_000L);
    }

    private static BigInteger bigOf(int row) {
        return BigInteger.TEN.pow(25).multiply(BigInteger.valueOf(row - ROWS / 2)).add(BigInteger.valueOf(row));
    }

    /** The 16-byte big-endian two's complement a FIXED_LEN_BYTE_ARRAY decimal holds. */
    private static Binary fixed16(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[16];
        Arrays.fill(out, value.signum() < 0 ? (byte) -1 : 0);
        System.arraycopy(bytes, 0, out, 16 - bytes.length, bytes.length);
        return Binary.fromConstantByteArray(out);
    }

    private Path write(ParquetProperties.WriterVersion version) throws Exception {
        return write(version, true);
    }

    private Path write(ParquetProperties.WriterVersion version, boolean dictionary) throws Exception {
        Path file = folder.resolve("spark-" + version + "-" + dictionary + ".parquet");
        Files.deleteIfExists(file);
        SimpleGroupFactory groups = new SimpleGroupFactory(SPARK_SCHEMA);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(SPARK_SCHEMA)
                .withWriterVersion(version).withDictionaryEncoding(dictionary).withPageSize(4096).withRowGroupSize(64L * 1024).build()) {
            for (int row = 0; row < ROWS; row++) {
                Group group = groups.newGroup().append("id", (long) row);
                if (row % 11 != 5) {
                    LocalDateTime time = timeOf(row);
                    long nanosOfDay = time.toLocalTime().toNanoOfDay();
                    int julianDay = (int) time.toLocalDate().getLong(JulianFields.JULIAN_DAY);
                    group.append("ts", new NanoTime(julianDay, nanosOfDay));
                    group.append("price", row * 7 - 10_000);
                    group.append("amount", (long) row * 123_456_789L);
                    group.append("big", fixed16(bigOf(row)));
                    group.append("name", "shop-" + (row % 9));
                }
                Group address = group.addGroup("address");
                address.append("city", "city " + row % 4).append("zip", row);
                Group tags = group.addGroup("tags");
                tags.addGroup("list").append("element", "t" + row);
                writer.write(group);
            }
        }
        return file;
    }

    @ParameterizedTest
    @EnumSource(ParquetProperties.WriterVersion.class)
    void readsSparkTypesNextToNestedColumnsItDoesNotRead(ParquetProperties.WriterVersion version) throws Exception {
        Path file = write(version);
        List<List<Object>> rows = new ArrayList<>();
        LocalObjectStore store = new LocalObjectStore();
        try (ParquetSplitReader reader = new ParquetSplitReader(store, Location.ofFile(file), Files.size(file), READ, new LongAdder())) {
            for (Batch batch = reader.nextRowGroup(); batch != null; batch = reader.nextRowGroup()) {
                for (int i = 0; i < batch.rowCount(); i++) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 0; c < READ.size(); c++) {
                        row.add(batch.column(c).valueAt(i));
                    }
                    rows.add(row);
                }
            }
        }
        assertEquals(ROWS, rows.size());
        for (int row = 0; row < ROWS; row++) {
            List<Object> expected = row % 11 == 5
                    ? Arrays.asList((long) row, null, null, null, null, null)
                    : Arrays.asList((long) row, micros(timeOf(row)), (long) (row * 7 - 10_000), (long) row * 123_456_789L,
                            narrowest(bigOf(row)), "shop-" + (row % 9));
            assertEquals(expected, rows.get(row), "row " + row);
        }
    }

    /**
     * Decoding only some rows of a row group (what a filter on other columns kept) gives exactly those rows of
     * the whole decode: in pages of every encoding here, with NULLs, with pages holding none of the rows, all of them or some.
     */
    @ParameterizedTest
    @CsvSource({"PARQUET_1_0,true", "PARQUET_2_0,true", "PARQUET_1_0,false", "PARQUET_2_0,false"})
    void decodingSelectedRowsGivesThoseRowsOfTheWholeDecode(ParquetProperties.WriterVersion version, boolean dictionary) throws Exception {
        Path file = write(version, dictionary);
        LocalObjectStore store = new LocalObjectStore();
        Random random = new Random(42);
        int groups = 0;
        try (ParquetSplitReader whole = new ParquetSplitReader(store, Location.ofFile(file), Files.size(file), READ, new LongAdder());
             ParquetSplitReader selective = new ParquetSplitReader(store, Location.ofFile(file), Files.size(file), READ, new LongAdder())) {
            for (Batch batch = whole.nextRowGroup(); batch != null; batch = whole.nextRowGroup()) {
                ParquetSplitReader.RowGroup rowGroup = selective.readNextRowGroup();
                int rows = rowGroup.rowCount();
                // A run of rows in the middle, every row of the last tenth, and a few scattered rows elsewhere.
                int[] positions = IntStream.range(0, rows).filter(r -> r >= rows / 3 && r < rows / 3 + 40 || r >= rows * 9 / 10
                        || random.nextInt(50) == 0).toArray();
                for (int c = 0; c < READ.size(); c++) {
                    ColumnVector picked = selective.decodeColumn(rowGroup, c, positions, positions.length);
                    assertEquals(positions.length, picked.size());
                    for (int p = 0; p < positions.length; p++) {
                        assertEquals(batch.column(c).valueAt(positions[p]), picked.valueAt(p), READ.get(c).name() + " row " + positions[p]);
                    }
                }
                groups++;
            }
        }
        assertTrue(groups > 0);
    }

    private static long micros(LocalDateTime time) {
        return time.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + time.getNano() / 1000;
    }

    /** A decimal value as vectors hold it: a Long when it fits, a BigInteger otherwise. */
    private static Object narrowest(BigInteger value) {
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }
}
