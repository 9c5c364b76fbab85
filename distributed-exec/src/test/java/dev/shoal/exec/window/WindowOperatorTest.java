package dev.shoal.exec.window;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.VectorBuilder;
import dev.shoal.core.expr.InputRef;
import dev.shoal.core.plan.FrameBound;
import dev.shoal.core.plan.SortKey;
import dev.shoal.core.plan.ValuesNode;
import dev.shoal.core.plan.WindowCall;
import dev.shoal.core.plan.WindowFrame;
import dev.shoal.core.plan.WindowFunction;
import dev.shoal.core.plan.WindowNode;
import dev.shoal.core.type.DataType;
import dev.shoal.exec.memory.OperatorMemory;
import dev.shoal.exec.operator.Pulled;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WindowOperatorTest {
    private static final List<DataType> INPUT = List.of(DataType.VARCHAR, DataType.BIGINT);
    private static final WindowFrame WHOLE_PARTITION = new WindowFrame(true, FrameBound.of(FrameBound.Kind.UNBOUNDED_PRECEDING),
            FrameBound.of(FrameBound.Kind.UNBOUNDED_FOLLOWING));
    private static final WindowFrame RUNNING = new WindowFrame(true, FrameBound.of(FrameBound.Kind.UNBOUNDED_PRECEDING),
            FrameBound.of(FrameBound.Kind.CURRENT_ROW));

    private static Batch batch(Object[][] rows) {
        VectorBuilder keys = VectorBuilder.create(DataType.VARCHAR, rows.length);
        VectorBuilder values = VectorBuilder.create(DataType.BIGINT, rows.length);
        for (Object[] row : rows) {
            keys.appendValue(row[0]);
            values.appendValue(row[1]);
        }
        return new Batch(List.of(keys.build(), values.build()), rows.length);
    }

    /**
     * Partitions arriving in pieces over two batches, ties in the order key, and a NULL: ranks count
     * ties as Trino does, LAG looks one row back within the partition, running sums skip the NULL.
     */
    @Test
    void rankingLagAndRunningSumPerPartition() {
        Batch first = batch(new Object[][] {{"b", 3L}, {"a", 2L}, {"a", 1L}, {"b", null}});
        Batch second = batch(new Object[][] {{"a", 2L}, {"b", 1L}});
        InputRef value = new InputRef(1, DataType.BIGINT);
        List<WindowCall> calls = List.of(
                new WindowCall(WindowFunction.ROW_NUMBER, List.of(), WHOLE_PARTITION, DataType.BIGINT),
                new WindowCall(WindowFunction.RANK, List.of(), WHOLE_PARTITION, DataType.BIGINT),
                new WindowCall(WindowFunction.DENSE_RANK, List.of(), WHOLE_PARTITION, DataType.BIGINT),
                new WindowCall(WindowFunction.LAG, List.of(value), WHOLE_PARTITION, DataType.BIGINT),
                new WindowCall(WindowFunction.SUM, List.of(value), RUNNING, DataType.BIGINT));
        WindowNode node = new WindowNode(new ValuesNode(INPUT, List.of()), List.of(0), List.of(new SortKey(1, true, false)), calls);
        List<List<Object>> rows = new ArrayList<>();
        try (Pulled window = new Pulled(new WindowOperator(node, OperatorMemory.untracked("Window")), List.of(first, second))) {
            for (Batch out = window.next(); out != null; out = window.next()) {
                for (int r = 0; r < out.rowCount(); r++) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 0; c < out.columnCount(); c++) {
                        row.add(out.column(c).valueAt(r));
                    }
                    rows.add(row);
                }
            }
        }
        rows.sort((x, y) -> (x.get(0) + "/" + x.get(2)).compareTo(y.get(0) + "/" + y.get(2)));
        assertEquals(List.of(
                // key, value, row_number, rank, dense_rank, lag, running sum
                Arrays.asList("a", 1L, 1L, 1L, 1L, null, 1L),
                Arrays.asList("a", 2L, 2L, 2L, 2L, 1L, 3L),
                Arrays.asList("a", 2L, 3L, 2L, 2L, 2L, 5L),
                Arrays.asList("b", 1L, 1L, 1L, 1L, null, 1L),
                Arrays.asList("b", 3L, 2L, 2L, 2L, 1L, 4L),
                Arrays.asList("b", null, 3L, 3L, 3L, 3L, 4L)), rows);
    }

    /**
     * RANGE frames count peers and key values, not rows: with CURRENT ROW both rows of a tie see each
     * other, and {@code 1 PRECEDING} reaches back to keys one less, however many rows those are.
     */
    @Test
    void rangeFramesTakePeersAndKeyOffsets() {
        Batch rowsIn = batch(new Object[][] {{"a", 1L}, {"a", 2L}, {"a", 2L}, {"a", 3L}, {"a", 5L}});
        InputRef value = new InputRef(1, DataType.BIGINT);
        WindowFrame peers = new WindowFrame(false, FrameBound.of(FrameBound.Kind.UNBOUNDED_PRECEDING),
                FrameBound.of(FrameBound.Kind.CURRENT_ROW));
        WindowFrame lastTwoKeys = new WindowFrame(false, new FrameBound(FrameBound.Kind.PRECEDING, 1),
                FrameBound.of(FrameBound.Kind.CURRENT_ROW));
        WindowFrame nextKey = new WindowFrame(false, FrameBound.of(FrameBound.Kind.CURRENT_ROW),
                new FrameBound(FrameBound.Kind.FOLLOWING, 1));
        List<WindowCall> calls = List.of(
                new WindowCall(WindowFunction.SUM, List.of(value), peers, DataType.BIGINT),
                new WindowCall(WindowFunction.SUM, List.of(value), lastTwoKeys, DataType.BIGINT),
                new WindowCall(WindowFunction.COUNT, List.of(value), nextKey, DataType.BIGINT));
        WindowNode node = new WindowNode(new ValuesNode(INPUT, List.of()), List.of(0), List.of(new SortKey(1, true, false)), calls);
        List<List<Object>> rows = new ArrayList<>();
        try (Pulled window = new Pulled(new WindowOperator(node, OperatorMemory.untracked("Window")), List.of(rowsIn))) {
            for (Batch out = window.next(); out != null; out = window.next()) {
                for (int r = 0; r < out.rowCount(); r++) {
                    rows.add(Arrays.asList(out.column(1).valueAt(r), out.column(2).valueAt(r), out.column(3).valueAt(r),
                            out.column(4).valueAt(r)));
                }
            }
        }
        rows.sort((x, y) -> Long.compare((Long) x.get(0), (Long) y.get(0)));
        assertEquals(List.of(
                // value, sum up to peers, sum of keys in [v-1, v], count of keys in [v, v+1]
                Arrays.asList(1L, 1L, 1L, 3L),
                Arrays.asList(2L, 5L, 5L, 3L),
                Arrays.asList(2L, 5L, 5L, 3L),
                Arrays.asList(3L, 8L, 7L, 1L),
                Arrays.asList(5L, 13L, 5L, 1L)), rows);
    }
}
