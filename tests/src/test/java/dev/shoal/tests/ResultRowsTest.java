package dev.shoal.tests;

import dev.shoal.tests.oracle.ResultRows;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The comparison the differential suite relies on must see real differences. */
class ResultRowsTest {
    private static ResultRows rows(List<Object>... rows) {
        return new ResultRows(List.of(rows));
    }

    @Test
    void exactDecimalsMustBeEqual() {
        assertNull(ResultRows.difference(rows(List.of(new BigDecimal("1.50"))), rows(List.of(new BigDecimal("1.5")))));
        assertNotNull(ResultRows.difference(rows(List.of(new BigDecimal("1.51"))), rows(List.of(new BigDecimal("1.50")))));
    }

    @Test
    void approximateValuesMatchWithinRoundingOfTheExactSide() {
        assertNull(ResultRows.difference(rows(List.of(new BigDecimal("25.58"))), rows(List.of(new ResultRows.Approximate(25.5813)))));
        assertNotNull(ResultRows.difference(rows(List.of(new BigDecimal("25.59"))), rows(List.of(new ResultRows.Approximate(25.5813)))));
        assertNotNull(ResultRows.difference(rows(List.of(new ResultRows.Approximate(1.0))), rows(List.of(new ResultRows.Approximate(1.001)))));
    }

    @Test
    void nullsRowCountsAndOrderMatter() {
        assertNotNull(ResultRows.difference(rows(Arrays.asList((Object) null)), rows(List.of("x"))));
        assertNotNull(ResultRows.difference(rows(List.of("a")), rows(List.of("a"), List.of("b"))));
        ResultRows ab = rows(List.of("a"), List.of("b"));
        ResultRows ba = rows(List.of("b"), List.of("a"));
        assertNotNull(ResultRows.difference(ab, ba));
        assertNull(ResultRows.difference(ab.sorted(), ba.sorted()));
    }
}
