package dev.shoal.exec.operator;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.LongVector;
import dev.shoal.core.batch.VarcharVector;
import dev.shoal.core.batch.VectorBuilder;
import dev.shoal.core.plan.AggregateCall;
import dev.shoal.core.plan.AggregateFunction;
import dev.shoal.core.plan.AggregateNode;
import dev.shoal.core.plan.ValuesNode;
import dev.shoal.core.type.DataType;
import dev.shoal.exec.memory.OperatorMemory;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HashAggregateOperatorTest {
    private static final List<DataType> INPUT = List.of(DataType.VARCHAR, DataType.BOOLEAN);

    private static Batch batch(Object[][] rows) {
        return batch(INPUT, rows);
    }

    private static Batch batch(List<DataType> types, Object[][] rows) {
        List<VectorBuilder> columns = types.stream().map(type -> VectorBuilder.create(type, rows.length)).toList();
        for (Object[] row : rows) {
            for (int c = 0; c < columns.size(); c++) {
                columns.get(c).appendValue(row[c]);
            }
        }
        return new Batch(columns.stream().map(VectorBuilder::build).toList(), rows.length);
    }

    /**
     * Groups that first appear in a later batch start from zero, whatever the FILTER rejected in the
     * batches before (the rejected rows once went to a spare group id that the next new group took).
     */
    @Test
    void filteredCountOfAGroupFirstSeenInALaterBatchCountsOnlyItsOwnRows() {
        Batch first = batch(new Object[][] {{"a", true}, {"a", false}, {"b", false}, {"b", null}});
        Batch second = batch(new Object[][] {{"c", true}, {"a", true}, {"d", false}});
        Batch third = batch(new Object[][] {{"e", true}, {"b", true}});
        AggregateCall countIf = new AggregateCall(AggregateFunction.COUNT_STAR, List.of(), false, DataType.BIGINT, 1);
        AggregateCall countAll = new AggregateCall(AggregateFunction.COUNT_STAR, List.of(), false, DataType.BIGINT);
        AggregateNode node = new AggregateNode(new ValuesNode(INPUT, List.of()), List.of(0), List.of(countIf, countAll));

        Map<String, List<Long>> counts = new TreeMap<>();
        try (Pulled aggregate = new Pulled(new HashAggregateOperator(node, OperatorMemory.untracked("HashAggregate")), List.of(first, second, third))) {
            for (Batch out = aggregate.next(); out != null; out = aggregate.next()) {
                VarcharVector keys = (VarcharVector) out.column(0);
                ColumnVector filtered = out.column(1);
                ColumnVector all = out.column(2);
                for (int row = 0; row < out.rowCount(); row++) {
                    counts.put(keys.getString(row), List.of(((LongVector) filtered).get(row), ((LongVector) all).get(row)));
                }
            }
        }
        assertEquals(Map.of("a", List.of(2L, 3L), "b", List.of(1L, 3L), "c", List.of(1L, 1L),
                "d", List.of(0L, 1L), "e", List.of(1L, 1L)), counts);
    }

    /** SUM, AVG and COUNT over distinct values per group, across batches, NULLs skipped. */
    @Test
    void distinctAggregatesSeeEachValueOncePerGroup() {
        List<DataType> input = List.of(DataType.VARCHAR, DataType.BIGINT);
        Batch first = batch(input, new Object[][] {{"a", 5L}, {"a", 5L}, {"b", 5L}, {"a", null}, {"a", 7L}});
        Batch second = batch(input, new Object[][] {{"b", 5L}, {"a", 7L}, {"c", null}, {"b", 1L}, {"a", 8L}});
        AggregateCall sum = new AggregateCall(AggregateFunction.SUM, List.of(1), true, DataType.BIGINT);
        AggregateCall avg = new AggregateCall(AggregateFunction.AVG, List.of(1), true, DataType.DOUBLE);
        AggregateCall count = new AggregateCall(AggregateFunction.COUNT, List.of(1), true, DataType.BIGINT);
        AggregateNode node = new AggregateNode(new ValuesNode(input, List.of()), List.of(0), List.of(sum, avg, count));

        Map<String, List<Object>> results = new TreeMap<>();
        try (Pulled aggregate = new Pulled(new HashAggregateOperator(node, OperatorMemory.untracked("HashAggregate")), List.of(first, second))) {
            for (Batch out = aggregate.next(); out != null; out = aggregate.next()) {
                for (int row = 0; row < out.rowCount(); row++) {
                    results.put(((VarcharVector) out.column(0)).getString(row),
                            Arrays.asList(out.column(1).valueAt(row), out.column(2).valueAt(row), out.column(3).valueAt(row)));
                }
            }
        }
        assertEquals(Map.of("a", List.of(20L, 20.0 / 3, 3L), "b", List.of(6L, 3.0, 2L),
                "c", Arrays.asList(null, null, 0L)), results);
    }
}
