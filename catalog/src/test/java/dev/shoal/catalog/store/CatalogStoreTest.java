package dev.shoal.catalog.store;

import dev.shoal.catalog.StoredCatalog;
import dev.shoal.core.catalog.DataFile;
import dev.shoal.core.catalog.PendingWrite;
import dev.shoal.core.catalog.SchemaDefinition;
import dev.shoal.core.catalog.TableDefinition;
import dev.shoal.core.catalog.TableKind;
import dev.shoal.core.catalog.ViewDefinition;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.core.type.DataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every test runs against both stores: an SQLite file and a real PostgreSQL server. */
class CatalogStoreTest {
    static Stream<Supplier<Supplier<JdbcCatalogStore>>> stores() {
        return TestStores.each();
    }

    private static TableDefinition lineitem() {
        return new TableDefinition("Lake", "LineItem", "s3://lake/tpch/lineitem/",
                List.of(new ScanColumn("l_orderkey", DataType.BIGINT), new ScanColumn("l_price", DataType.decimal(15, 2)),
                        new ScanColumn("l_shipdate", DataType.DATE)),
                TableKind.EXTERNAL, Map.of("source", "tpch", "scale", "0.1"));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void tablesSurviveReopeningWithTheirColumnsAndProperties(Supplier<Supplier<JdbcCatalogStore>> kind) {
        Supplier<JdbcCatalogStore> database = kind.get();
        try (StoredCatalog catalog = new StoredCatalog(database.get())) {
            catalog.createSchema(new SchemaDefinition("lake", Optional.of("s3://lake/warehouse/lake/")));
            catalog.createTable(lineitem());
        }
        try (StoredCatalog reopened = new StoredCatalog(database.get())) {
            assertEquals(List.of("lake"), reopened.schemas());
            assertEquals(Optional.of("s3://lake/warehouse/lake/"), reopened.schema("LAKE").orElseThrow().location());
            TableDefinition table = reopened.table("lake", "lineitem").orElseThrow();
            assertEquals("lake.lineitem", table.qualifiedName(), "names are kept lower-case");
            assertEquals(lineitem().columns(), table.columns());
            assertEquals(lineitem().properties(), table.properties());
            assertEquals(TableKind.EXTERNAL, table.kind());
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aWrittenTableKeepsItsCommittedFilesAndGainsInsertedOnes(Supplier<Supplier<JdbcCatalogStore>> kind) {
        Supplier<JdbcCatalogStore> database = kind.get();
        List<DataFile> written = List.of(new DataFile("s3://lake/w/t/a_0.parquet", 100, 10), new DataFile("s3://lake/w/t/b_0.parquet", 50, 5));
        try (StoredCatalog catalog = new StoredCatalog(database.get())) {
            catalog.createTable(new TableDefinition("w", "t", "s3://lake/w/t/", lineitem().columns(), TableKind.MANAGED, Map.of(),
                    Optional.of(written)));
            catalog.addFiles("w", "t", List.of(new DataFile("s3://lake/w/t/c_0.parquet", 7, 1)));
            catalog.createTable(lineitem());
            ShoalException listed = assertThrows(ShoalException.class,
                    () -> catalog.addFiles("lake", "lineitem", List.of(new DataFile("s3://x/y.parquet", 1, 1))));
            assertEquals(ErrorCode.NOT_SUPPORTED, listed.code());
        }
        try (StoredCatalog reopened = new StoredCatalog(database.get())) {
            List<DataFile> files = reopened.table("w", "t").orElseThrow().files().orElseThrow();
            assertEquals(List.of("a_0", "b_0", "c_0"), files.stream().map(f -> f.path().replaceAll(".*/|\\.parquet", "")).toList());
            assertEquals(16, files.stream().mapToLong(DataFile::rows).sum());
            assertTrue(reopened.table("lake", "lineitem").orElseThrow().files().isEmpty(), "an external table is listed, not recorded");
            reopened.dropTable("w", "t");
            assertTrue(reopened.table("w", "t").isEmpty());
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void renamingKeepsColumnsPropertiesAndFilesAndAddedColumnsGoLast(Supplier<Supplier<JdbcCatalogStore>> kind) {
        try (StoredCatalog catalog = new StoredCatalog(kind.get().get())) {
            List<DataFile> files = List.of(new DataFile("s3://lake/w/t/a_0.parquet", 100, 10));
            catalog.createTable(new TableDefinition("lake", "t", "s3://lake/w/t/", lineitem().columns(), TableKind.MANAGED,
                    Map.of("owner", "me"), Optional.of(files)));
            catalog.createSchema(SchemaDefinition.named("other"));
            catalog.renameTable("lake", "t", "other", "u");
            assertTrue(catalog.table("lake", "t").isEmpty());
            TableDefinition renamed = catalog.table("other", "u").orElseThrow();
            assertEquals(lineitem().columns(), renamed.columns());
            assertEquals(Map.of("owner", "me"), renamed.properties());
            assertEquals(files, renamed.files().orElseThrow());
            catalog.addColumn("other", "u", new ScanColumn("note", DataType.VARCHAR));
            assertEquals("note", catalog.table("other", "u").orElseThrow().columns().get(3).name());
            assertEquals(ErrorCode.ALREADY_EXISTS, assertThrows(ShoalException.class,
                    () -> catalog.addColumn("other", "u", new ScanColumn("note", DataType.BIGINT))).code());
            catalog.createTable(lineitem());
            assertEquals(ErrorCode.ALREADY_EXISTS, assertThrows(ShoalException.class,
                    () -> catalog.renameTable("other", "u", "lake", "lineitem")).code());
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void viewsKeepTheirTextAndColumnsAndShareNamesWithNoTable(Supplier<Supplier<JdbcCatalogStore>> kind) {
        Supplier<JdbcCatalogStore> database = kind.get();
        ViewDefinition view = new ViewDefinition("lake", "big", "select l_orderkey from lineitem where l_price > 10", "tpch",
                List.of(new ScanColumn("l_orderkey", DataType.BIGINT)));
        try (StoredCatalog catalog = new StoredCatalog(database.get())) {
            catalog.createTable(lineitem());
            catalog.createView(view, false);
            assertEquals(ErrorCode.ALREADY_EXISTS, assertThrows(ShoalException.class, () -> catalog.createView(view, false)).code());
            ViewDefinition clash = new ViewDefinition("lake", "lineitem", "select 1 as one", "tpch",
                    List.of(new ScanColumn("one", DataType.INTEGER)));
            assertEquals(ErrorCode.ALREADY_EXISTS, assertThrows(ShoalException.class, () -> catalog.createView(clash, true)).code());
            assertEquals(ErrorCode.SCHEMA_NOT_EMPTY, assertThrows(ShoalException.class, () -> {
                catalog.dropTable("lake", "lineitem");
                catalog.dropSchema("lake", false);
            }).code(), "a schema holding a view is not empty");
        }
        try (StoredCatalog reopened = new StoredCatalog(database.get())) {
            assertEquals(List.of(view), reopened.views("lake"));
            reopened.createView(new ViewDefinition("lake", "big", "select 2 as two", "tpch", List.of(new ScanColumn("two", DataType.INTEGER))),
                    true);
            assertEquals("select 2 as two", reopened.view("lake", "BIG").orElseThrow().sql());
            reopened.dropView("lake", "big");
            assertTrue(reopened.views("lake").isEmpty());
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void ddlErrorsNameTheObjectAndChangeNothing(Supplier<Supplier<JdbcCatalogStore>> kind) {
        try (StoredCatalog catalog = new StoredCatalog(kind.get().get())) {
            catalog.createTable(lineitem());
            ShoalException duplicate = assertThrows(ShoalException.class, () -> catalog.createTable(lineitem()));
            assertEquals(ErrorCode.ALREADY_EXISTS, duplicate.code());
            assertTrue(duplicate.getMessage().contains("lake.lineitem"), duplicate.getMessage());

            ShoalException notEmpty = assertThrows(ShoalException.class, () -> catalog.dropSchema("lake", false));
            assertEquals(ErrorCode.SCHEMA_NOT_EMPTY, notEmpty.code());
            assertTrue(catalog.table("lake", "lineitem").isPresent());

            assertEquals(ErrorCode.UNKNOWN_TABLE,
                    assertThrows(ShoalException.class, () -> catalog.dropTable("lake", "orders")).code());
            assertEquals(ErrorCode.UNKNOWN_SCHEMA,
                    assertThrows(ShoalException.class, () -> catalog.dropSchema("nowhere", true)).code());

            catalog.dropSchema("lake", true);
            assertEquals(List.of(), catalog.schemas());
            assertFalse(catalog.table("lake", "lineitem").isPresent());
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aChangeThatFailsHalfwayLeavesTheCatalogAsItWas(Supplier<Supplier<JdbcCatalogStore>> kind) {
        try (StoredCatalog catalog = new StoredCatalog(kind.get().get())) {
            catalog.createSchema(SchemaDefinition.named("lake"));
            Map<String, String> properties = new HashMap<>();
            properties.put("broken", null);
            // The table and its columns are inserted before the NULL property fails its NOT NULL constraint.
            TableDefinition broken = new TableDefinition("lake", "broken", "s3://lake/broken/", lineitem().columns(),
                    TableKind.EXTERNAL, properties);
            ShoalException e = assertThrows(ShoalException.class, () -> catalog.createTable(broken));
            assertEquals(ErrorCode.CATALOG_ERROR, e.code());
            assertEquals(List.of(), catalog.tables("lake"));
            catalog.createTable(new TableDefinition("lake", "broken", "s3://lake/broken/", lineitem().columns()));
            assertEquals(3, catalog.table("lake", "broken").orElseThrow().columns().size(), "no columns were left behind");
        }
    }

    @Test
    void describingAStoreNeverShowsItsPassword() {
        assertEquals("jdbc:postgresql://db/catalog?user=shoal&password=***",
                JdbcCatalogStore.redact("jdbc:postgresql://db/catalog?user=shoal&password=s3cret"));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aPendingWriteEndsWithItsCommitOrIsFoundAbandonedOnceItsLeaseRunsOut(Supplier<Supplier<JdbcCatalogStore>> kind) {
        try (StoredCatalog catalog = new StoredCatalog(kind.get().get())) {
            catalog.createSchema(SchemaDefinition.named("w"));
            catalog.beginWrite(new PendingWrite("20261201_000000_aa", "s3://lake/w/a/", "w.a", "coordinator-1", 1_000));
            catalog.beginWrite(new PendingWrite("20261201_000000_bb", "s3://lake/w/b/", "w.b", "coordinator-2", 1_000));
            catalog.renewWrites("coordinator-1", 5_000);
            assertEquals(List.of("20261201_000000_bb"), catalog.abandonedWrites(2_000).stream().map(PendingWrite::writeId).toList(),
                    "the write renewed by its coordinator is not abandoned");
            catalog.createTable(new TableDefinition("w", "a", "s3://lake/w/a/", lineitem().columns(), TableKind.MANAGED, Map.of(),
                    Optional.of(List.of())), "20261201_000000_aa");
            assertEquals(List.of("20261201_000000_bb"), catalog.abandonedWrites(10_000).stream().map(PendingWrite::writeId).toList(),
                    "a committed write is no longer pending");
            catalog.endWrite("20261201_000000_bb");
            assertEquals(List.of(), catalog.abandonedWrites(Long.MAX_VALUE));
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void coordinatorsSharingAStoreSeeEachOthersChangesAndOnlyOneCreatesAName(Supplier<Supplier<JdbcCatalogStore>> kind)
            throws Exception {
        Supplier<JdbcCatalogStore> database = kind.get();
        try (StoredCatalog first = new StoredCatalog(database.get(), 100); StoredCatalog second = new StoredCatalog(database.get(), 100)) {
            first.createSchema(SchemaDefinition.named("shared"));
            first.createTable(new TableDefinition("shared", "t", "s3://lake/t/", lineitem().columns()));
            Thread.sleep(150);
            assertTrue(second.table("shared", "t").isPresent(), "the other coordinator sees the new table once its snapshot is old");
            second.dropTable("shared", "t");
            Thread.sleep(150);
            assertTrue(first.table("shared", "t").isEmpty());

            // Both think the name is free; the store lets one of them have it.
            List<java.util.concurrent.CompletableFuture<Void>> creates = List.of(first, second).stream()
                    .map(catalog -> java.util.concurrent.CompletableFuture.runAsync(() -> catalog.createTable(
                            new TableDefinition("shared", "race", "s3://lake/race/", lineitem().columns())))).toList();
            int failed = 0;
            for (java.util.concurrent.CompletableFuture<Void> create : creates) {
                try {
                    create.join();
                } catch (java.util.concurrent.CompletionException e) {
                    assertEquals(ErrorCode.ALREADY_EXISTS, ((ShoalException) e.getCause()).code(), e.getCause().getMessage());
                    failed++;
                }
            }
            assertEquals(1, failed, "exactly one create wins");
        }
    }
}
