package dev.shoal.catalog.store;

import dev.shoal.catalog.history.QueryHistoryStore;
import dev.shoal.core.catalog.PendingWrite;

import java.util.List;

/**
 * Where the catalog lives: a database that applies each change in one transaction (a crash in the
 * middle leaves the old state or the new one) and reads back what is there.
 */
public interface CatalogStore extends AutoCloseable {
    CatalogSnapshot load();

    void apply(CatalogChange change);

    /** The writes in progress, read now (not from a snapshot): the sweeper must see a renewal made a moment ago. */
    List<PendingWrite> pendingWrites();

    /** The queries that ran, kept in the same database. */
    QueryHistoryStore queryHistory();

    /** What the store is, for logs: never its credentials. */
    String describe();

    @Override
    void close();
}
