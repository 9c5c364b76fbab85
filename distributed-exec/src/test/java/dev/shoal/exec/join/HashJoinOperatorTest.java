package dev.shoal.exec.join;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.expr.Call;
import dev.shoal.core.expr.InputRef;
import dev.shoal.core.expr.Literal;
import dev.shoal.core.expr.Op;
import dev.shoal.core.plan.JoinNode;
import dev.shoal.core.plan.JoinType;
import dev.shoal.core.plan.ValuesNode;
import dev.shoal.core.type.DataType;
import dev.shoal.exec.memory.OperatorMemory;
import dev.shoal.exec.operator.Pulled;
import dev.shoal.exec.operator.ValuesOperator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every join variant over inputs with duplicate keys, NULL keys and unmatched rows on both sides.
 * Left: (1,a) (2,b) (2,c) (NULL,d) (4,e); right: (2,x) (2,y) (3,z) (NULL,w).
 */
class HashJoinOperatorTest {
    private static final List<DataType> TYPES = List.of(DataType.BIGINT, DataType.VARCHAR);
    private static final ValuesNode LEFT = new ValuesNode(TYPES, List.of(
            row(1L, "a"), row(2L, "b"), row(2L, "c"), row(null, "d"), row(4L, "e")));
    private static final ValuesNode RIGHT = new ValuesNode(TYPES, List.of(
            row(2L, "x"), row(2L, "y"), row(3L, "z"), row(null, "w")));

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private static List<String> run(JoinType type, boolean filtered) {
        return run(type, filtered, null);
    }

    private static List<String> run(JoinType type, boolean filtered, int[] outputColumns) {
        // The residual condition keeps only pairs whose right value is not 'y'.
        Call notY = filtered ? new Call(Op.NOT_EQUAL, DataType.BOOLEAN, new InputRef(3, DataType.VARCHAR),
                new Literal("y", DataType.VARCHAR)) : null;
        JoinNode node = new JoinNode(LEFT, RIGHT, type, List.of(0), List.of(0), notY, null);
        List<String> rows = new ArrayList<>();
        try (Pulled join = Pulled.join(node, outputColumns, List.of(new ValuesOperator(LEFT).getOutput()), List.of(new ValuesOperator(RIGHT).getOutput()),
                OperatorMemory.untracked("HashJoin"))) {
            for (Batch batch = join.next(); batch != null; batch = join.next()) {
                for (int r = 0; r < batch.rowCount(); r++) {
                    StringBuilder text = new StringBuilder();
                    for (int c = 0; c < batch.columnCount(); c++) {
                        text.append(c == 0 ? "" : ",").append(batch.column(c).valueAt(r));
                    }
                    rows.add(text.toString());
                }
            }
        }
        rows.sort(null);
        return rows;
    }

    @Test
    void inner() {
        assertEquals(List.of("2,b,2,x", "2,b,2,y", "2,c,2,x", "2,c,2,y"), run(JoinType.INNER, false));
    }

    @Test
    void left() {
        assertEquals(List.of("1,a,null,null", "2,b,2,x", "2,b,2,y", "2,c,2,x", "2,c,2,y", "4,e,null,null", "null,d,null,null"),
                run(JoinType.LEFT, false));
    }

    @Test
    void right() {
        assertEquals(List.of("2,b,2,x", "2,b,2,y", "2,c,2,x", "2,c,2,y", "null,null,3,z", "null,null,null,w"),
                run(JoinType.RIGHT, false));
    }

    @Test
    void full() {
        assertEquals(List.of("1,a,null,null", "2,b,2,x", "2,b,2,y", "2,c,2,x", "2,c,2,y", "4,e,null,null",
                "null,d,null,null", "null,null,3,z", "null,null,null,w"), run(JoinType.FULL, false));
    }

    @Test
    void semiEmitsEachMatchingLeftRowOnce() {
        assertEquals(List.of("2,b", "2,c"), run(JoinType.SEMI, false));
    }

    @Test
    void antiKeepsLeftRowsWithoutMatchIncludingNullKeys() {
        assertEquals(List.of("1,a", "4,e", "null,d"), run(JoinType.ANTI, false));
    }

    @Test
    void residualConditionDecidesWhatMatchesForOuterSemiAndAnti() {
        assertEquals(List.of("2,b,2,x", "2,c,2,x"), run(JoinType.INNER, true));
        assertEquals(List.of("2,b,2,x", "2,c,2,x", "null,null,2,y", "null,null,3,z", "null,null,null,w"), run(JoinType.RIGHT, true));
        assertEquals(List.of("2,b", "2,c"), run(JoinType.SEMI, true));
        assertEquals(List.of("1,a", "4,e", "null,d"), run(JoinType.ANTI, true));
    }

    /** Columns picked right after the join, in any order: the residual condition still sees every column. */
    @Test
    void outputsOnlyTheColumnsPickedAboveIt() {
        int[] valuesRightThenLeft = {3, 1};
        assertEquals(List.of("x,b", "x,c"), run(JoinType.INNER, true, valuesRightThenLeft));
        assertEquals(List.of("null,a", "null,d", "null,e", "x,b", "x,c", "y,b", "y,c"), run(JoinType.LEFT, false, valuesRightThenLeft));
        assertEquals(List.of("null,a", "null,d", "null,e", "w,null", "x,b", "x,c", "y,b", "y,c", "z,null"), run(JoinType.FULL, false, valuesRightThenLeft));
        assertEquals(List.of("b", "c"), run(JoinType.SEMI, false, new int[] {1}));
        assertEquals(List.of("a,a", "d,d", "e,e"), run(JoinType.ANTI, true, new int[] {1, 1}));
    }

    @Test
    void manyMatchesComeOutInBoundedBatches() {
        List<List<Object>> leftRows = new ArrayList<>();
        for (long i = 0; i < 300; i++) {
            leftRows.add(row(i % 3 == 0 ? null : 1L, "l" + i));
        }
        List<List<Object>> rightRows = new ArrayList<>();
        for (long i = 0; i < 100; i++) {
            rightRows.add(row(1L, "r" + i));
        }
        ValuesNode left = new ValuesNode(TYPES, leftRows);
        ValuesNode right = new ValuesNode(TYPES, rightRows);
        JoinNode node = new JoinNode(left, right, JoinType.LEFT, List.of(0), List.of(0), null, null);
        long rows = 0;
        long unmatched = 0;
        try (Pulled join = Pulled.join(node, List.of(new ValuesOperator(left).getOutput()), List.of(new ValuesOperator(right).getOutput()),
                OperatorMemory.untracked("HashJoin"))) {
            for (Batch batch = join.next(); batch != null; batch = join.next()) {
                assertTrue(batch.rowCount() <= HashJoinOperator.MAX_OUTPUT_ROWS + 300, "batch of " + batch.rowCount());
                rows += batch.rowCount();
                for (int r = 0; r < batch.rowCount(); r++) {
                    unmatched += batch.column(2).isNull(r) ? 1 : 0;
                }
            }
        }
        assertEquals(200 * 100 + 100, rows);
        assertEquals(100, unmatched, "the 100 left rows with a NULL key, once each");
    }
}
