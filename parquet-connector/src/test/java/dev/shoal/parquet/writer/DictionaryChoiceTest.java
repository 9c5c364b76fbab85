package dev.shoal.parquet.writer;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.LongVector;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.core.type.DataType;
import dev.shoal.parquet.store.LocalObjectStore;
import dev.shoal.parquet.store.Location;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which columns a file writes without a dictionary, judged from its first rows, and what the file then holds. */
class DictionaryChoiceTest {
    @TempDir
    Path folder;

    private static Batch batch(int rows, int distinctSmall) {
        return batch(rows, distinctSmall, 0);
    }

    /** Column 0: distinct keys from {@code firstKey} on; column 1: {@code distinctSmall} values repeated. */
    private static Batch batch(int rows, int distinctSmall, int firstKey) {
        long[] keys = new long[rows];
        long[] small = new long[rows];
        for (int i = 0; i < rows; i++) {
            keys[i] = (firstKey + i) * 7919L;
            small[i] = i % distinctSmall;
        }
        return new Batch(List.<ColumnVector>of(new LongVector(DataType.BIGINT, keys, null, rows),
                new LongVector(DataType.BIGINT, small, null, rows)), rows);
    }

    @Test
    void aColumnOfNearlyDistinctValuesIsJudgedUniqueAndAFewThousandValuesAreNot() {
        Batch sample = batch(DictionaryChoice.SAMPLE_ROWS, 3000);
        assertTrue(DictionaryChoice.nearlyUnique(List.of(sample), 0));
        // 3000 distinct values in 8192 rows: a dictionary of them fits.
        assertFalse(DictionaryChoice.nearlyUnique(List.of(sample), 1));
        // Too few rows to tell: the dictionary stays.
        assertFalse(DictionaryChoice.nearlyUnique(List.of(batch(500, 1000)), 0));
        // The sample may come in small batches (a partition's), and only its first SAMPLE_ROWS rows count.
        assertTrue(DictionaryChoice.nearlyUnique(List.of(batch(600, 3000), batch(600, 3000, 600), batch(100_000, 3000, 1200)), 0));
    }

    @Test
    void theWrittenFileDictionaryEncodesOnlyTheRepetitiveColumn() throws Exception {
        LocalObjectStore store = new LocalObjectStore();
        Path file = folder.resolve("data.parquet");
        Location location = Location.ofFile(file);
        List<ScanColumn> columns = List.of(new ScanColumn("key", DataType.BIGINT), new ScanColumn("code", DataType.BIGINT));
        try (ParquetBatchWriter writer = new ParquetBatchWriter(store, location, columns, ParquetWriteOptions.defaults())) {
            // In batches smaller than the sample: the writer keeps them until it has judged the columns.
            for (int i = 0; i < 20; i++) {
                writer.write(batch(1000, 50, 1000 * i));
            }
            assertEquals(20_000, writer.rowCount());
        }
        Map<String, Set<Encoding>> encodings = new HashMap<>();
        long rows = 0;
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            for (BlockMetaData block : reader.getFooter().getBlocks()) {
                rows += block.getRowCount();
                for (ColumnChunkMetaData chunk : block.getColumns()) {
                    encodings.put(chunk.getPath().toDotString(), chunk.getEncodings());
                }
            }
        }
        assertEquals(20_000, rows);
        assertFalse(encodings.get("key").contains(Encoding.PLAIN_DICTIONARY), encodings.toString());
        assertTrue(encodings.get("code").contains(Encoding.PLAIN_DICTIONARY), encodings.toString());
    }
}
