package dev.shoal.catalog.store;

import dev.shoal.catalog.history.QueryHistoryStore;
import dev.shoal.catalog.history.QueryRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The query history in both stores: kept across reopening, newest first, trimmed to the newest. */
class QueryHistoryStoreTest {
    static Stream<Supplier<Supplier<JdbcCatalogStore>>> stores() {
        return TestStores.each();
    }

    private static QueryRecord record(int n, String error) {
        Instant created = Instant.ofEpochMilli(1_700_000_000_000L + n * 1000L);
        return new QueryRecord("20261201_000000_0000" + n + "_abcde", error == null ? "FINISHED" : "FAILED", "dana", null,
                "select " + n, 1, 2, 3, created, error == null ? created.plusMillis(5) : null, created.plusMillis(9),
                created.plusMillis(10), error == null ? null : "USER_ERROR", error, error, n, 100L * n,
                error == null ? 4096L * n : null);
    }

    @ParameterizedTest
    @MethodSource("stores")
    void endedQueriesAreReadBackNewestFirstAfterReopening(Supplier<Supplier<JdbcCatalogStore>> kind) {
        Supplier<JdbcCatalogStore> database = kind.get();
        try (JdbcCatalogStore store = database.get()) {
            QueryHistoryStore history = store.queryHistory();
            history.add(List.of(record(1, null), record(2, "SYNTAX_ERROR")));
            history.add(List.of(record(2, "SYNTAX_ERROR"), record(3, null)));
        }
        try (JdbcCatalogStore store = database.get()) {
            List<QueryRecord> recent = store.queryHistory().recent(10);
            assertEquals(List.of(record(3, null), record(2, "SYNTAX_ERROR"), record(1, null)), recent);
            assertNull(recent.get(1).started());
            assertEquals(List.of(record(3, null)), store.queryHistory().recent(1));
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void trimmingKeepsTheNewest(Supplier<Supplier<JdbcCatalogStore>> kind) {
        try (JdbcCatalogStore store = kind.get().get()) {
            QueryHistoryStore history = store.queryHistory();
            history.add(List.of(record(1, null), record(2, null), record(3, null), record(4, null)));
            history.keepNewest(2);
            assertEquals(List.of(record(4, null), record(3, null)), history.recent(10));
            history.keepNewest(5);
            assertEquals(2, history.recent(10).size());
        }
    }
}
