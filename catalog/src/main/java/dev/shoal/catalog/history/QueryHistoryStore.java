package dev.shoal.catalog.history;

import java.util.List;

/** Where ended queries are kept across restarts: the catalog's database. */
public interface QueryHistoryStore {
    /** Adds ended queries; one already there (same id) is left as it is. */
    void add(List<QueryRecord> ended);

    /** The {@code limit} queries that ended last, the last first. */
    List<QueryRecord> recent(int limit);

    /** Deletes all but the {@code count} queries that ended last. */
    void keepNewest(int count);
}
