package dev.shoal.tests;

import dev.shoal.tests.oracle.Comparison;
import dev.shoal.tests.oracle.OrderKeys;
import dev.shoal.tests.oracle.ResultRows;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Tied rows are found from a query's own ORDER BY, and only they may change places. */
class OrderKeysTest {
    @Test
    void keysAreFoundByPositionAliasOrExpression() {
        assertEquals(Optional.of(new OrderKeys.Keys(List.of(1, 0), true)),
                OrderKeys.of("select a, sum(b) as total from t group by a order by total desc, 1 limit 10"));
        assertEquals(Optional.of(new OrderKeys.Keys(List.of(0, 2), false)),
                OrderKeys.of("with w as (select * from t) select \"c_last_name\", x, upper(y) from w order by \"c_last_name\" ASC, upper(y)"));
        assertEquals(Optional.empty(), OrderKeys.of("select a, b from t order by a + b"), "a key that is no output column");
        assertEquals(Optional.empty(), OrderKeys.of("select a from t"), "no ORDER BY");
    }

    private static ResultRows rows(Object[]... rows) {
        return new ResultRows(Arrays.stream(rows).map(row -> Arrays.stream(row)
                .map(v -> v instanceof Integer i ? BigDecimal.valueOf(i) : v).toList()).toList());
    }

    @Test
    void tiedRowsMayChangePlacesButNothingElse() {
        OrderKeys.Keys byFirst = new OrderKeys.Keys(List.of(0), false);
        ResultRows expected = rows(new Object[] {1, "a"}, new Object[] {2, "b"}, new Object[] {2, "c"}, new Object[] {3, "d"});
        ResultRows swappedTie = rows(new Object[] {1, "a"}, new Object[] {2, "c"}, new Object[] {2, "b"}, new Object[] {3, "d"});
        ResultRows swappedAcrossKeys = rows(new Object[] {2, "b"}, new Object[] {1, "a"}, new Object[] {2, "c"}, new Object[] {3, "d"});
        assertEquals(Comparison.Verdict.EQUAL_UP_TO_TIES, Comparison.of(swappedTie, expected, true, Optional.of(byFirst)).verdict());
        assertEquals(Comparison.Verdict.EQUAL_AS_MULTISET, Comparison.of(swappedAcrossKeys, expected, true, Optional.of(byFirst)).verdict());
        assertEquals(Comparison.Verdict.EQUAL_AS_MULTISET, Comparison.of(swappedTie, expected, true, Optional.empty()).verdict());
    }

    /** Under a LIMIT the engines may keep different rows of the tie at the cut; earlier ties must still match. */
    @Test
    void theLastTieMayHoldOtherRowsWhenALimitCutIt() {
        ResultRows expected = rows(new Object[] {1, "a"}, new Object[] {2, "b"}, new Object[] {2, "c"});
        ResultRows otherRowsOfTheLastTie = rows(new Object[] {1, "a"}, new Object[] {2, "x"}, new Object[] {2, "b"});
        ResultRows otherRowOfAnEarlierTie = rows(new Object[] {1, "z"}, new Object[] {2, "b"}, new Object[] {2, "c"});
        assertEquals(Comparison.Verdict.EQUAL_UP_TO_TIES,
                Comparison.of(otherRowsOfTheLastTie, expected, true, Optional.of(new OrderKeys.Keys(List.of(0), true))).verdict());
        assertEquals(Comparison.Verdict.DIFFERENT,
                Comparison.of(otherRowsOfTheLastTie, expected, true, Optional.of(new OrderKeys.Keys(List.of(0), false))).verdict());
        assertEquals(Comparison.Verdict.DIFFERENT,
                Comparison.of(otherRowOfAnEarlierTie, expected, true, Optional.of(new OrderKeys.Keys(List.of(0), true))).verdict());
    }
}
