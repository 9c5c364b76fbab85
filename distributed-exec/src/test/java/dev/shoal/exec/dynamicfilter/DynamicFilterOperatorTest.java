package dev.shoal.exec.dynamicfilter;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.LongVector;
import dev.shoal.core.plan.DynamicFilterTarget;
import dev.shoal.core.type.DataType;
import dev.shoal.exec.operator.Pulled;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A scan's rows are filtered by the keys a join publishes, and never wait on a join that is gone. */
class DynamicFilterOperatorTest {
    @Test
    void keepsRowsWhoseKeysTheBuildSideHolds() {
        DynamicFilterRegistry registry = new DynamicFilterRegistry();
        LongAdder dropped = new LongAdder();
        Pulled scan = new Pulled(new DynamicFilterOperator(List.of(new DynamicFilterTarget(0, 0, 0)), registry, "q1", dropped),
                List.of(batch(1, 2, 3, 4, 5, 6), batch(7, 8)));
        registry.publish("q1", 0, batch(2, 5, 8, 100), List.of(0));
        assertEquals(List.of(2L, 5L, 8L), values(scan));
        assertEquals(5, dropped.sum());
    }

    @Test
    void twoKeysBothChecked() {
        DynamicFilterRegistry registry = new DynamicFilterRegistry();
        Batch probe = new Batch(List.of(longs(1, 2, 3, 4), longs(10, 20, 30, 40)), 4);
        Pulled scan = new Pulled(new DynamicFilterOperator(List.of(new DynamicFilterTarget(3, 0, 0), new DynamicFilterTarget(3, 1, 1)), registry, "q1", new LongAdder()),
                List.of(probe));
        registry.publish("q1", 3, new Batch(List.of(longs(1, 2, 4), longs(10, 99, 40)), 3), List.of(0, 1));
        assertEquals(List.of(1L, 4L), values(scan));
    }

    @Test
    void waitingScanIsReleasedUnfilteredWhenTheJoinCloses() throws Exception {
        DynamicFilterRegistry registry = new DynamicFilterRegistry();
        Pulled scan = new Pulled(new DynamicFilterOperator(List.of(new DynamicFilterTarget(0, 0, 0)), registry, "q1", new LongAdder()),
                List.of(batch(1, 2, 3)));
        CompletableFuture<List<Long>> read = CompletableFuture.supplyAsync(() -> values(scan));
        Thread.sleep(100);
        assertFalse(read.isDone(), "the scan waits for the join's keys");
        registry.release("q1", 0);
        assertEquals(List.of(1L, 2L, 3L), read.get(10, TimeUnit.SECONDS));
        assertEquals(0, registry.size(), "the released filter is forgotten");
    }

    @Test
    void canceledQueryReleasesItsScansAndForgetsItsFilters() throws Exception {
        DynamicFilterRegistry registry = new DynamicFilterRegistry();
        Pulled scan = new Pulled(new DynamicFilterOperator(List.of(new DynamicFilterTarget(4, 0, 0)), registry, "q9", new LongAdder()),
                List.of(batch(1)));
        CompletableFuture<List<Long>> read = CompletableFuture.supplyAsync(() -> values(scan));
        registry.releaseQuery("q9");
        assertEquals(List.of(1L), read.get(10, TimeUnit.SECONDS));
        assertEquals(0, registry.size());
    }

    private static List<Long> values(Pulled operator) {
        List<Long> values = new ArrayList<>();
        for (Batch batch = operator.next(); batch != null; batch = operator.next()) {
            LongVector column = (LongVector) batch.column(0);
            for (int i = 0; i < batch.rowCount(); i++) {
                values.add(column.get(i));
            }
        }
        operator.close();
        return values;
    }

    private static Batch batch(long... values) {
        return new Batch(List.of(longs(values)), values.length);
    }

    private static LongVector longs(long... values) {
        return new LongVector(DataType.BIGINT, values, null, values.length);
    }
}
