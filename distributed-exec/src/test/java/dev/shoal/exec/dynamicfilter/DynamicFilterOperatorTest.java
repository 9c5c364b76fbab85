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

    /**
     * A check that drops under 5% of its first 100,000 rows stops being applied (the join checks the
     * rows anyway); a selective one keeps filtering to the end.
     */
    @Test
    void aCheckThatDropsAlmostNothingIsLeftOff() {
        DynamicFilterRegistry registry = new DynamicFilterRegistry();
        List<Batch> input = new ArrayList<>();
        long[] build = new long[1000];
        for (int i = 0; i < build.length; i++) {
            build[i] = i;
        }
        for (int b = 0; b < 60; b++) {
            // Column 0: 1 row in 100 outside the build keys. Column 1: half outside.
            long[] first = new long[4000];
            long[] second = new long[4000];
            for (int i = 0; i < 4000; i++) {
                first[i] = i % 100 == 0 ? 5000 : i % 1000;
                second[i] = i % 2 == 0 ? 7000 : i % 1000;
            }
            input.add(new Batch(List.of(longs(first), longs(second)), 4000));
        }
        LongAdder dropped = new LongAdder();
        DynamicFilterOperator operator = new DynamicFilterOperator(
                List.of(new DynamicFilterTarget(0, 0, 0), new DynamicFilterTarget(1, 0, 1)), registry, "q1", dropped);
        Pulled scan = new Pulled(operator, input);
        registry.publish("q1", 0, batch(build), List.of(0));
        registry.publish("q1", 1, batch(build), List.of(0));
        long rows = 0;
        for (Batch out = scan.next(); out != null; out = scan.next()) {
            rows += out.rowCount();
            LongVector second = (LongVector) out.column(1);
            for (int i = 0; i < out.rowCount(); i++) {
                assertFalse(second.get(i) == 7000, "the selective check still filters");
            }
        }
        scan.close();
        assertEquals(1, operator.activeChecks(), "the column-0 check was left off");
        // Column 0's outsiders that reached the operator after its check was left off pass (the join drops them).
        assertFalse(rows == 60 * 2000 - 60 * 20, "some outsiders of column 0 passed once its check was off");
        assertEquals(60 * 4000 - rows, dropped.sum());
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
