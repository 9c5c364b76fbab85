package dev.shoal.catalog.partition;

import dev.shoal.core.catalog.Partition;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.core.type.DataType;
import dev.shoal.parquet.store.LocalObjectStore;
import dev.shoal.parquet.store.Location;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PartitionDiscoveryTest {
    @TempDir
    Path root;

    private void file(String relative) throws IOException {
        Path path = root.resolve(relative);
        Files.createDirectories(path.getParent());
        Files.write(path, new byte[] {1, 2, 3});
    }

    private String location() {
        return Location.ofFile(root).toString();
    }

    @Test
    void findsTheFoldersHoldingDataAndSkipsHiddenOnes() throws IOException {
        file("year=2024/month=1/part-0.parquet");
        file("year=2024/month=1/part-1.parquet");
        file("year=2024/month=2/part-0.parquet");
        file("year=__HIVE_DEFAULT_PARTITION__/month=3/part-0.parquet");
        file("year=2024/month=4/_SUCCESS");
        file("_temporary/0/year=2024/month=5/part-0.parquet");
        Files.createDirectories(root.resolve("year=2025/month=1"));
        List<ScanColumn> columns = List.of(new ScanColumn("year", DataType.BIGINT), new ScanColumn("month", DataType.BIGINT));
        List<Partition> found = PartitionDiscovery.discover(new LocalObjectStore(), location(), columns, "s.t");
        assertEquals(List.of(List.of("2024", "1"), List.of("2024", "2"), Arrays.asList(null, "3")), found.stream().map(Partition::values).toList());
        assertTrue(found.get(0).location().endsWith("/year=2024/month=1/"), found.get(0).location());
        assertEquals(List.of(new ScanColumn("year", DataType.BIGINT), new ScanColumn("month", DataType.BIGINT)),
                PartitionDiscovery.inferColumns(new LocalObjectStore(), location()));
    }

    @Test
    void infersDatesAndStringsFromTheValues() throws IOException {
        file("day=2024-01-31/kind=a/x.parquet");
        file("day=2024-02-01/kind=7/x.parquet");
        assertEquals(List.of(new ScanColumn("day", DataType.DATE), new ScanColumn("kind", DataType.VARCHAR)),
                PartitionDiscovery.inferColumns(new LocalObjectStore(), location()));
    }

    @Test
    void aValueOfTheWrongTypeOrAFileOutsideThePartitionsIsAnErrorNamingTheFolder() throws IOException {
        file("n=12/x.parquet");
        file("n=abc/x.parquet");
        List<ScanColumn> columns = List.of(new ScanColumn("n", DataType.BIGINT));
        ShoalException value = assertThrows(ShoalException.class,
                () -> PartitionDiscovery.discover(new LocalObjectStore(), location(), columns, "s.t"));
        assertEquals(ErrorCode.INVALID_CAST, value.code());
        assertTrue(value.getMessage().startsWith("table s.t, folder ") && value.getMessage().endsWith("/n=abc/: partition value "
                + "'abc' of column n is not a BIGINT"), value.getMessage());
        Files.delete(root.resolve("n=abc/x.parquet"));
        file("m=1/x.parquet");
        ShoalException layout = assertThrows(ShoalException.class,
                () -> PartitionDiscovery.discover(new LocalObjectStore(), location(), columns, "s.t"));
        assertTrue(layout.getMessage().contains("m=1/ holds data files but is not a partition of (n)"), layout.getMessage());
    }
}
