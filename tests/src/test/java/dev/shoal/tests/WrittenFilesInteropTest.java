package dev.shoal.tests;

import dev.shoal.tests.oracle.ResultRows;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The files CREATE TABLE AS writes, for every supported type with NULLs, read the same in DuckDB
 * and in parquet-java's own reader, with the logical types other engines expect.
 */
class WrittenFilesInteropTest {
    private static final String QUERY = """
            select * from (values
              (true, 1, cast(10000000000 as bigint), 1.5e0, cast(12.34 as decimal(10,2)),
               cast('12345678901234567890.1234567890' as decimal(30,10)), 'text', date '2024-02-29',
               timestamp '2024-02-29 12:34:56.123456'),
              (cast(null as boolean), cast(null as integer), cast(null as bigint), cast(null as double), cast(null as decimal(10,2)),
               cast(null as decimal(30,10)), cast(null as varchar), cast(null as date), cast(null as timestamp)))
            as t(b, i, l, d, dec, wide, s, dt, ts)""";

    private static TestCluster cluster;
    private static Connection shoal;

    @BeforeAll
    static void write() throws Exception {
        cluster = TestCluster.get();
        shoal = cluster.connect();
        try (Statement s = shoal.createStatement()) {
            s.execute("create schema if not exists interop");
            s.execute("create table interop.types as " + QUERY);
        }
    }

    @AfterAll
    static void drop() throws Exception {
        try (Statement s = shoal.createStatement()) {
            s.execute("drop schema if exists interop cascade");
        }
        shoal.close();
    }

    private static List<Path> files() throws Exception {
        try (Stream<Path> list = Files.list(cluster.dataDir.resolve("lake/warehouse/interop/types"))) {
            return list.filter(p -> p.toString().endsWith(".parquet")).toList();
        }
    }

    @Test
    void duckDbReadsWhatShoalReads() throws Exception {
        ResultRows fromShoal;
        try (Statement s = shoal.createStatement(); ResultSet rs = s.executeQuery("select * from interop.types")) {
            fromShoal = ResultRows.read(rs);
        }
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duck.createStatement();
             // Microseconds on both sides: Shoal's driver keeps them (Avatica's own rows carried milliseconds).
             ResultSet rs = s.executeQuery("select * from read_parquet('"
                     + cluster.dataDir.resolve("lake/warehouse/interop/types/*.parquet") + "')")) {
            ResultRows fromDuck = ResultRows.read(rs);
            assertEquals(2, fromDuck.rows().size());
            assertNull(ResultRows.difference(fromDuck.sorted(), fromShoal.sorted()));
        }
    }

    @Test
    void parquetJavaReadsEveryRowWithStandardLogicalTypes() throws Exception {
        int records = 0;
        for (Path file : files()) {
            ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
            try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), options)) {
                MessageType schema = reader.getFileMetaData().getSchema();
                assertEquals(LogicalTypeAnnotation.decimalType(10, 30), schema.getType("wide").getLogicalTypeAnnotation());
                assertEquals(LogicalTypeAnnotation.decimalType(2, 10), schema.getType("dec").getLogicalTypeAnnotation());
                assertEquals(LogicalTypeAnnotation.dateType(), schema.getType("dt").getLogicalTypeAnnotation());
                assertEquals(LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MICROS),
                        schema.getType("ts").getLogicalTypeAnnotation());
                assertEquals(LogicalTypeAnnotation.stringType(), schema.getType("s").getLogicalTypeAnnotation());
                MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
                for (PageReadStore pages = reader.readNextRowGroup(); pages != null; pages = reader.readNextRowGroup()) {
                    RecordReader<Group> rows = io.getRecordReader(pages, new GroupRecordConverter(schema));
                    for (long r = 0; r < pages.getRowCount(); r++) {
                        Group row = rows.read();
                        records++;
                        if (row.getFieldRepetitionCount("b") > 0) {
                            assertEquals(10_000_000_000L, row.getLong("l", 0));
                            assertEquals("text", row.getString("s", 0));
                            assertEquals(19_782, row.getInteger("dt", 0), "2024-02-29 as days since 1970-01-01");
                            assertEquals(1_709_210_096_123_456L, row.getLong("ts", 0), "microseconds since 1970, no time zone");
                        } else {
                            assertFalse(row.getFieldRepetitionCount("wide") > 0, "a NULL row has no values");
                        }
                    }
                }
            }
        }
        assertEquals(2, records);
    }
}
