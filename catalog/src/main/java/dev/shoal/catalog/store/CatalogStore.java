package dev.shoal.catalog.store;

/**
 * Where the catalog lives: a database that applies each change in one transaction (a crash in the
 * middle leaves the old state or the new one) and reads back what is there.
 */
public interface CatalogStore extends AutoCloseable {
    CatalogSnapshot load();

    void apply(CatalogChange change);

    /** What the store is, for logs: never its credentials. */
    String describe();

    @Override
    void close();
}
