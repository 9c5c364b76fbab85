package dev.shoal.catalog;

import dev.shoal.catalog.store.CatalogChange;
import dev.shoal.catalog.store.CatalogSnapshot;
import dev.shoal.catalog.store.CatalogStore;
import dev.shoal.catalog.store.JdbcCatalogStore;
import dev.shoal.core.catalog.Catalog;
import dev.shoal.core.catalog.DataFile;
import dev.shoal.core.catalog.Partition;
import dev.shoal.core.catalog.PendingWrite;
import dev.shoal.core.catalog.SchemaDefinition;
import dev.shoal.core.catalog.TableDefinition;
import dev.shoal.core.catalog.ViewDefinition;
import dev.shoal.core.plan.ScanColumn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The engine's catalog over a {@link CatalogStore}: reads come from the last snapshot loaded, each
 * change goes to the store in one transaction and the snapshot is loaded again after it. A
 * snapshot older than {@code maxAgeMillis} is loaded again too, so that coordinators sharing a
 * PostgreSQL store see each other's changes within that time.
 */
public final class StoredCatalog implements Catalog, AutoCloseable {
    public static final long DEFAULT_MAX_AGE_MILLIS = 5_000;

    private final CatalogStore store;
    private final long maxAgeMillis;
    private volatile CatalogSnapshot snapshot;
    private volatile long loadedAt;

    public StoredCatalog(CatalogStore store) {
        this(store, DEFAULT_MAX_AGE_MILLIS);
    }

    public StoredCatalog(CatalogStore store, long maxAgeMillis) {
        this.store = store;
        this.maxAgeMillis = maxAgeMillis;
        reload();
    }

    /**
     * A catalog in a fresh SQLite file that is deleted when the process exits: for tests, benchmarks
     * and tools that declare their tables at each start.
     */
    public static StoredCatalog temporary() {
        try {
            Path dir = Files.createTempDirectory("shoal-catalog");
            Path file = dir.resolve("catalog.db");
            file.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return new StoredCatalog(JdbcCatalogStore.sqlite(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary catalog", e);
        }
    }

    public CatalogStore store() {
        return store;
    }

    private synchronized void reload() {
        snapshot = store.load();
        loadedAt = System.currentTimeMillis();
    }

    private CatalogSnapshot current() {
        if (System.currentTimeMillis() - loadedAt > maxAgeMillis) {
            reload();
        }
        return snapshot;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public List<String> schemas() {
        return current().schemas().keySet().stream().sorted().toList();
    }

    @Override
    public Optional<SchemaDefinition> schema(String name) {
        return Optional.ofNullable(current().schemas().get(key(name)));
    }

    @Override
    public List<TableDefinition> tables(String schema) {
        return current().tables().getOrDefault(key(schema), List.of());
    }

    @Override
    public Optional<TableDefinition> table(String schema, String name) {
        String wanted = key(name);
        return tables(schema).stream().filter(t -> t.name().equals(wanted)).findFirst();
    }

    @Override
    public void renameTable(String schema, String name, String newSchema, String newName) {
        change(new CatalogChange.RenameTable(schema, name, newSchema, newName));
    }

    @Override
    public void addColumn(String schema, String name, ScanColumn column) {
        change(new CatalogChange.AddColumn(schema, name, column));
    }

    @Override
    public List<ViewDefinition> views(String schema) {
        return current().views().getOrDefault(key(schema), List.of());
    }

    @Override
    public Optional<ViewDefinition> view(String schema, String name) {
        String wanted = key(name);
        return views(schema).stream().filter(v -> v.name().equals(wanted)).findFirst();
    }

    @Override
    public void createView(ViewDefinition view, boolean replace) {
        change(new CatalogChange.CreateView(view, replace));
    }

    @Override
    public void dropView(String schema, String name) {
        change(new CatalogChange.DropView(schema, name));
    }

    private void change(CatalogChange change) {
        try {
            store.apply(change);
        } finally {
            reload();
        }
    }

    @Override
    public void createSchema(SchemaDefinition schema) {
        change(new CatalogChange.CreateSchema(schema));
    }

    @Override
    public void dropSchema(String name, boolean cascade) {
        change(new CatalogChange.DropSchema(name, cascade));
    }

    @Override
    public void createTable(TableDefinition table, String writeId) {
        change(new CatalogChange.CreateTable(table, true, writeId));
    }

    @Override
    public void dropTable(String schema, String name) {
        change(new CatalogChange.DropTable(schema, name));
    }

    @Override
    public void addFiles(String schema, String name, List<DataFile> files, List<Partition> partitions, boolean overwrite,
                         String writeId) {
        change(new CatalogChange.AddFiles(schema, name, files, partitions, overwrite, writeId));
    }

    @Override
    public void beginWrite(PendingWrite write) {
        store.apply(new CatalogChange.BeginWrite(write));
    }

    @Override
    public void renewWrites(String owner, long expiresAt) {
        store.apply(new CatalogChange.RenewWrites(owner, expiresAt));
    }

    @Override
    public List<PendingWrite> abandonedWrites(long now) {
        return store.pendingWrites().stream().filter(w -> w.expiresAt() < now).toList();
    }

    @Override
    public void endWrite(String writeId) {
        store.apply(new CatalogChange.EndWrite(writeId));
    }

    @Override
    public void addPartitions(String schema, String name, List<Partition> partitions, boolean ifNotExists) {
        change(new CatalogChange.AddPartitions(schema, name, partitions, ifNotExists));
    }

    @Override
    public void dropPartitions(String schema, String name, List<List<String>> values, boolean ifExists) {
        change(new CatalogChange.DropPartitions(schema, name, values, ifExists));
    }

    @Override
    public void close() {
        store.close();
    }
}
