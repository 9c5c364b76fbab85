package dev.shoal.coordinator.lifecycle;

import dev.shoal.catalog.history.QueryRecord;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.planner.PhaseTime;
import dev.shoal.planner.Session;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryTrackerTest {
    private static final Session SESSION = Session.of("dana", "tpch");

    @Test
    void aQueryGoesThroughItsStatesAndEndsOnce() {
        try (QueryTracker tracker = new QueryTracker(new QueryLimits(2, 2, 10), Optional.empty())) {
            TrackedQuery query = tracker.begin(SESSION, "test", "select 1");
            assertEquals("QUEUED", tracker.queries().get(0).state());
            tracker.admit(query, true);
            query.planned(List.of(new PhaseTime("parse", 2_000_000), new PhaseTime("distribute", 3_000_000)));
            query.running();
            query.addRows(7);
            query.end(null);
            query.end(new ShoalException(ErrorCode.INTERNAL_ERROR, "late"));
            QueryRecord record = tracker.queries().get(0);
            assertEquals(List.of("FINISHED", "dana", "test", 2L, 3L, 7L), List.of(record.state(), record.user(), record.source(),
                    record.analysisMillis(), record.planningMillis(), record.rows()));
            assertTrue(tracker.running(query.id()).isEmpty());
        }
    }

    @Test
    void pastTheLimitAQueryWaitsUntilOneEndsAndPastTheQueueItFails() throws Exception {
        try (QueryTracker tracker = new QueryTracker(new QueryLimits(1, 1, 10), Optional.empty())) {
            TrackedQuery first = tracker.begin(SESSION, null, "a");
            tracker.admit(first, true);
            TrackedQuery second = tracker.begin(SESSION, null, "b");
            CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> tracker.admit(second, true));
            while (tracker.queued() == 0) {
                Thread.sleep(5);
            }
            ShoalException full = assertThrows(ShoalException.class, () -> tracker.admit(tracker.begin(SESSION, null, "c"), true));
            assertEquals(ErrorCode.QUERY_QUEUE_FULL, full.code());
            tracker.admit(tracker.begin(SESSION, null, "show tables"), false);
            assertFalse(waiting.isDone());
            first.end(null);
            waiting.get(5, TimeUnit.SECONDS);
            assertEquals("PLANNING", tracker.running(second.id()).orElseThrow().state().name());
        }
    }

    @Test
    void killEndsAQueuedQueryWithItsMessage() throws Exception {
        try (QueryTracker tracker = new QueryTracker(new QueryLimits(1, 5, 10), Optional.empty())) {
            tracker.admit(tracker.begin(SESSION, null, "a"), true);
            TrackedQuery queued = tracker.begin(SESSION, null, "b");
            CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> tracker.admit(queued, true));
            tracker.kill(queued.id(), "enough");
            Exception e = assertThrows(Exception.class, () -> waiting.get(5, TimeUnit.SECONDS));
            assertTrue(e.getCause().getMessage().contains("Query killed. Message: enough"), e.getCause().getMessage());
            ShoalException unknown = assertThrows(ShoalException.class, () -> tracker.kill("nope", null));
            assertEquals(ErrorCode.QUERY_NOT_FOUND, unknown.code());
        }
    }

    @Test
    void idsHaveTrinosForm() {
        QueryIds ids = new QueryIds();
        String first = ids.next();
        assertTrue(first.matches("\\d{8}_\\d{6}_00000_[a-z2-9]{5}"), first);
        assertTrue(ids.next().matches("\\d{8}_\\d{6}_00001_" + first.substring(22)));
    }
}
