package dev.shoal.catalog.store;

import dev.shoal.catalog.StoredCatalog;
import dev.shoal.core.catalog.DataFile;
import dev.shoal.core.catalog.Partition;
import dev.shoal.core.catalog.SchemaDefinition;
import dev.shoal.core.catalog.TableDefinition;
import dev.shoal.core.catalog.TableKind;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.core.type.DataType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Partitions in both stores: registered, written into, overwritten, dropped, and kept through a rename and a new column. */
class CatalogPartitionsTest {
    static Stream<Supplier<Supplier<JdbcCatalogStore>>> stores() {
        return TestStores.each();
    }

    private static final List<ScanColumn> COLUMNS = List.of(new ScanColumn("id", DataType.BIGINT),
            new ScanColumn("region", DataType.VARCHAR), new ScanColumn("day", DataType.DATE));

    private static TableDefinition events(Optional<List<DataFile>> files, List<Partition> partitions) {
        return new TableDefinition("lake", "events", "s3://lake/events/", COLUMNS, files.isPresent() ? TableKind.MANAGED : TableKind.EXTERNAL,
                Map.of(), files, List.of("region", "day"), partitions);
    }

    private static Partition partition(String region, String day, Optional<List<DataFile>> files) {
        return new Partition(Arrays.asList(region, day), "s3://lake/events/region=" + region + "/day=" + day + "/", files);
    }

    @ParameterizedTest
    @MethodSource("stores")
    void anExternalTablesPartitionsSurviveReopeningAndAreAddedAndDroppedByValue(Supplier<Supplier<JdbcCatalogStore>> kind) {
        Supplier<JdbcCatalogStore> database = kind.get();
        try (StoredCatalog catalog = new StoredCatalog(database.get())) {
            catalog.createSchema(SchemaDefinition.named("lake"));
            catalog.createTable(events(Optional.empty(), List.of(partition("eu", "2024-01-01", Optional.empty()))));
            catalog.addPartitions("lake", "events", List.of(partition("us", "2024-01-01", Optional.empty()),
                    partition(null, "2024-01-02", Optional.empty())), false);
            ShoalException twice = assertThrows(ShoalException.class, () -> catalog.addPartitions("lake", "events",
                    List.of(partition("us", "2024-01-01", Optional.empty())), false));
            assertEquals(ErrorCode.ALREADY_EXISTS, twice.code());
            catalog.addPartitions("lake", "events", List.of(partition("us", "2024-01-01", Optional.empty())), true);
        }
        try (StoredCatalog reopened = new StoredCatalog(database.get())) {
            TableDefinition table = reopened.table("lake", "events").orElseThrow();
            assertEquals(List.of("region", "day"), table.partitionColumns());
            assertEquals(List.of("region=__HIVE_DEFAULT_PARTITION__/day=2024-01-02", "region=eu/day=2024-01-01", "region=us/day=2024-01-01"),
                    table.partitions().stream().map(p -> p.name(table.partitionColumns())).sorted().toList());
            assertTrue(table.partition(Arrays.asList(null, "2024-01-02")).isPresent(), "NULL is a partition value");
            reopened.dropPartitions("lake", "events", List.of(List.of("eu", "2024-01-01")), false);
            ShoalException missing = assertThrows(ShoalException.class,
                    () -> reopened.dropPartitions("lake", "events", List.of(List.of("eu", "2024-01-01")), false));
            assertEquals(ErrorCode.UNKNOWN_PARTITION, missing.code());
            assertEquals(2, reopened.table("lake", "events").orElseThrow().partitions().size());
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void writesCommitFilesPerPartitionAndOverwriteReplacesOnlyThoseWritten(Supplier<Supplier<JdbcCatalogStore>> kind) {
        try (StoredCatalog catalog = new StoredCatalog(kind.get().get())) {
            catalog.createSchema(SchemaDefinition.named("lake"));
            catalog.createTable(events(Optional.of(List.of()), List.of(
                    partition("eu", "2024-01-01", Optional.of(List.of(new DataFile("s3://lake/events/eu/a.parquet", 10, 1)))),
                    partition("us", "2024-01-01", Optional.of(List.of(new DataFile("s3://lake/events/us/a.parquet", 20, 2)))))));
            catalog.addFiles("lake", "events", List.of(), List.of(
                    partition("eu", "2024-01-01", Optional.of(List.of(new DataFile("s3://lake/events/eu/b.parquet", 30, 3)))),
                    partition("jp", "2024-01-01", Optional.of(List.of(new DataFile("s3://lake/events/jp/b.parquet", 40, 4))))), false, null);
            TableDefinition appended = catalog.table("lake", "events").orElseThrow();
            assertEquals(3, appended.partitions().size());
            assertEquals(2, appended.partition(List.of("eu", "2024-01-01")).orElseThrow().files().orElseThrow().size());

            catalog.addFiles("lake", "events", List.of(), List.of(
                    partition("eu", "2024-01-01", Optional.of(List.of(new DataFile("s3://lake/events/eu/c.parquet", 50, 5))))), true, null);
            TableDefinition overwritten = catalog.table("lake", "events").orElseThrow();
            assertEquals(List.of("s3://lake/events/eu/c.parquet"), overwritten.partition(List.of("eu", "2024-01-01")).orElseThrow()
                    .files().orElseThrow().stream().map(DataFile::path).toList());
            assertEquals(2, overwritten.partition(List.of("us", "2024-01-01")).orElseThrow().files().orElseThrow().get(0).rows(),
                    "a partition the write did not touch keeps its files");

            catalog.addColumn("lake", "events", new ScanColumn("amount", DataType.DOUBLE));
            catalog.renameTable("lake", "events", "lake", "renamed");
            TableDefinition renamed = catalog.table("lake", "renamed").orElseThrow();
            assertEquals(List.of("id", "amount", "region", "day"), renamed.columns().stream().map(ScanColumn::name).toList(),
                    "an added column goes before the partition columns");
            assertEquals(3, renamed.partitions().size());
            catalog.dropTable("lake", "renamed");
            catalog.createTable(events(Optional.of(List.of()), List.of()));
            assertEquals(List.of(), catalog.table("lake", "events").orElseThrow().partitions(), "a dropped table's partitions went with it");
        }
    }
}
