package dev.shoal.core.task;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TaskIdTest {
    @Test
    void textFormRoundTrips() {
        TaskId id = new TaskId("q12", 3, 1, 2);
        assertEquals("q12.3.1.2", id.toString());
        assertEquals(id, TaskId.parse(id.toString()));
    }

    @Test
    void ordersByQueryFragmentPartitionAndAttempt() {
        List<TaskId> ids = new ArrayList<>(List.of(new TaskId("q1", 2, 0, 0), new TaskId("q1", 1, 1, 0),
                new TaskId("q1", 1, 0, 1), new TaskId("q1", 1, 0, 0)));
        ids.sort(null);
        assertEquals(List.of(new TaskId("q1", 1, 0, 0), new TaskId("q1", 1, 0, 1), new TaskId("q1", 1, 1, 0),
                new TaskId("q1", 2, 0, 0)), ids);
    }

    @Test
    void queryIdsWithSeparatorsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TaskId("q.1", 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> TaskId.parse("q1.0.0"));
    }
}
