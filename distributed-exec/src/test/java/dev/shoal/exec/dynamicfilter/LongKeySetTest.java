package dev.shoal.exec.dynamicfilter;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Membership is exact for dense and sparse keys alike; NULLs are never members. */
class LongKeySetTest {
    @Test
    void denseAndSparseKeysAnswerLikeASet() {
        Random random = new Random(7);
        for (long spread : new long[] {10, 1_000_000, Long.MAX_VALUE / 4}) {
            long[] values = new long[5_000];
            Set<Long> expected = new TreeSet<>();
            for (int i = 0; i < values.length; i++) {
                values[i] = (random.nextLong() % spread) - spread / 3;
                expected.add(values[i]);
            }
            LongKeySet set = LongKeySet.of(values, null, values.length);
            for (long value : values) {
                assertTrue(set.contains(value));
            }
            for (int probe = 0; probe < 20_000; probe++) {
                long value = (random.nextLong() % spread) - spread / 3;
                assertEquals(expected.contains(value), set.contains(value), "spread " + spread + ", value " + value);
            }
        }
    }

    @Test
    void extremeValuesAndNulls() {
        long[] values = {Long.MIN_VALUE, Long.MAX_VALUE, 0, 42};
        boolean[] nulls = {false, false, false, true};
        LongKeySet set = LongKeySet.of(values, nulls, values.length);
        assertTrue(set.contains(Long.MIN_VALUE));
        assertTrue(set.contains(Long.MAX_VALUE));
        assertTrue(set.contains(0));
        assertFalse(set.contains(42), "a NULL build key matches nothing");
        assertFalse(set.contains(1));
    }

    @Test
    void onlyNullsHoldNothing() {
        LongKeySet set = LongKeySet.of(new long[] {5}, new boolean[] {true}, 1);
        assertFalse(set.contains(5));
        assertFalse(set.contains(0));
    }
}
