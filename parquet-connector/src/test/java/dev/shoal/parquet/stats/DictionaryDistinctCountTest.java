package dev.shoal.parquet.stats;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.LongVector;
import dev.shoal.core.batch.VarcharVector;
import dev.shoal.core.catalog.ColumnStatistics;
import dev.shoal.core.catalog.TableDefinition;
import dev.shoal.core.catalog.TableStatistics;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.core.type.DataType;
import dev.shoal.parquet.store.LocalObjectStore;
import dev.shoal.parquet.store.Location;
import dev.shoal.parquet.writer.ParquetBatchWriter;
import dev.shoal.parquet.writer.ParquetWriteOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Distinct counts of string columns from the dictionaries of real files, and the sample arithmetic behind them. */
class DictionaryDistinctCountTest {
    private static final List<ScanColumn> COLUMNS = List.of(new ScanColumn("key", DataType.BIGINT),
            new ScanColumn("gender", DataType.VARCHAR), new ScanColumn("city", DataType.VARCHAR),
            new ScanColumn("name", DataType.VARCHAR));

    @TempDir
    Path folder;

    @Test
    void aSmallDictionaryOverManyRowsIsTheWholeDomain() {
        assertEquals(2, DictionaryDistinctCount.fromSample(2, 20_000), 1);
        // 1,000 distinct among 100,000 draws: every value of a 1,000-value domain shows up.
        assertEquals(1_000, DictionaryDistinctCount.fromSample(1_000, 100_000), 1);
    }

    @Test
    void aDictionaryNearlyAsLargeAsItsRowsPointsToALargerDomain() {
        // 6,321 of 10,000 draws distinct is what a 10,000-value domain gives.
        assertEquals(10_000, DictionaryDistinctCount.fromSample(6_321, 10_000), 50);
        assertEquals(Double.POSITIVE_INFINITY, DictionaryDistinctCount.fromSample(500, 500));
    }

    @Test
    void statisticsOfStringColumnsCountTheirDistinctValues() throws Exception {
        LocalObjectStore store = new LocalObjectStore();
        int files = 3;
        int rowsPerFile = 30_000;
        for (int f = 0; f < files; f++) {
            Location location = Location.ofFile(folder.resolve("part-" + f + ".parquet"));
            // Small row groups: each file has several chunks per column, of which a few are sampled.
            try (ParquetBatchWriter writer = new ParquetBatchWriter(store, location, COLUMNS,
                    ParquetWriteOptions.defaults().withRowGroupBytes(64 * 1024))) {
                for (int start = 0; start < rowsPerFile; start += 5_000) {
                    writer.write(batch(f * rowsPerFile + start, 5_000));
                }
            }
        }
        TableDefinition table = new TableDefinition("s", "people", folder.toUri().toString(), COLUMNS);
        TableStatistics statistics = new StatisticsCache(store).get(table);

        assertEquals(files * rowsPerFile, statistics.rowCount());
        assertEquals(-1, column(statistics, "key").distinctCount(), "an integer column has its range instead");
        assertEquals(2, column(statistics, "gender").distinctCount());
        long cities = column(statistics, "city").distinctCount();
        assertTrue(cities >= 850 && cities <= 1_150, "1,000 cities estimated as " + cities);
        // Unique names get no dictionary from the writer: nothing bounds them, as for any column without one.
        assertEquals(-1, column(statistics, "name").distinctCount());
    }

    private static ColumnStatistics column(TableStatistics statistics, String name) {
        return statistics.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    /** Rows {@code first ..}: key, gender of 2, city of 1,000 (drawn at random, as the estimate assumes), a unique name. */
    private static Batch batch(int first, int rows) {
        long[] keys = new long[rows];
        String[] genders = new String[rows];
        String[] cities = new String[rows];
        String[] names = new String[rows];
        for (int i = 0; i < rows; i++) {
            int row = first + i;
            keys[i] = row;
            genders[i] = row % 2 == 0 ? "F" : "M";
            cities[i] = "city-" + new SplittableRandom(row).nextInt(1_000);
            names[i] = "name-" + row;
        }
        return new Batch(List.<ColumnVector>of(new LongVector(DataType.BIGINT, keys, null, rows), strings(genders),
                strings(cities), strings(names)), rows);
    }

    private static VarcharVector strings(String[] values) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        int[] offsets = new int[values.length + 1];
        for (int i = 0; i < values.length; i++) {
            data.writeBytes(values[i].getBytes(StandardCharsets.UTF_8));
            offsets[i + 1] = data.size();
        }
        return new VarcharVector(data.toByteArray(), offsets, null, values.length);
    }
}
