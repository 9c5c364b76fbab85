package dev.shoal.core.serde;

import dev.shoal.core.expr.Call;
import dev.shoal.core.expr.InputRef;
import dev.shoal.core.expr.Literal;
import dev.shoal.core.expr.Op;
import dev.shoal.core.plan.AggregateCall;
import dev.shoal.core.plan.AggregateFunction;
import dev.shoal.core.plan.AggregateNode;
import dev.shoal.core.plan.FilterNode;
import dev.shoal.core.plan.LimitNode;
import dev.shoal.core.plan.PlanFragment;
import dev.shoal.core.plan.ProjectNode;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.core.plan.SortKey;
import dev.shoal.core.plan.SortNode;
import dev.shoal.core.plan.Split;
import dev.shoal.core.plan.TableScanNode;
import dev.shoal.core.plan.TopNNode;
import dev.shoal.core.plan.ValuesNode;
import dev.shoal.core.type.DataType;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class PlanCodecTest {
    private static final DataType MONEY = DataType.decimal(15, 2);

    @Test
    void everyNodeAndExpressionRoundTrips() {
        TableScanNode scan = new TableScanNode("tpch.lineitem",
                List.of(new ScanColumn("l_quantity", MONEY), new ScanColumn("l_shipdate", DataType.DATE),
                        new ScanColumn("l_comment", DataType.VARCHAR), new ScanColumn("l_tax", DataType.DOUBLE)),
                List.of(new Split("s3://lake/tpch/lineitem/part-0.parquet", 1234)));
        FilterNode filter = new FilterNode(scan, new Call(Op.AND, DataType.BOOLEAN,
                new Call(Op.LESS_THAN_OR_EQUAL, DataType.BOOLEAN, new InputRef(1, DataType.DATE), Literal.ofLong(10_471, DataType.DATE)),
                new Call(Op.LIKE, DataType.BOOLEAN, new InputRef(2, DataType.VARCHAR), Literal.ofString("%pending%")),
                new Call(Op.IN, DataType.BOOLEAN, new InputRef(3, DataType.DOUBLE), new Literal(1.5, DataType.DOUBLE),
                        new Literal(null, DataType.DOUBLE))));
        ProjectNode project = new ProjectNode(filter, List.of(new InputRef(0, MONEY),
                new Call(Op.MULTIPLY, DataType.decimal(31, 4), new InputRef(0, MONEY), Literal.ofLong(150, MONEY)),
                new Literal(true, DataType.BOOLEAN)));
        AggregateNode aggregate = new AggregateNode(project, List.of(2), List.of(
                new AggregateCall(AggregateFunction.SUM, List.of(1), false, DataType.decimal(38, 4)),
                new AggregateCall(AggregateFunction.COUNT, List.of(0), true, DataType.BIGINT),
                new AggregateCall(AggregateFunction.COUNT_STAR, List.of(), false, DataType.BIGINT)));
        SortNode sort = new SortNode(aggregate, List.of(new SortKey(1, false, true)));
        TopNNode topN = new TopNNode(sort, List.of(new SortKey(0, true, false)), 10);
        LimitNode limit = new LimitNode(topN, 5, 3);
        PlanFragment fragment = new PlanFragment("q-1", 0, limit);

        PlanFragment decoded = PlanCodec.decode(PlanCodec.encode(fragment));

        assertEquals(fragment, decoded);
    }

    @Test
    void literalValuesKeepTheirTypeThroughJson() {
        ValuesNode values = new ValuesNode(List.of(DataType.BIGINT, DataType.DOUBLE, DataType.VARCHAR),
                List.of(Arrays.asList(7L, 2.0, "x"), Arrays.asList(Long.MAX_VALUE, null, null)));
        PlanFragment decoded = PlanCodec.decode(PlanCodec.encode(new PlanFragment("q", 1, new ValuesNode(values.types(), values.rows()))));
        ValuesNode back = (ValuesNode) decoded.root();
        assertEquals(values.types(), back.types());
        assertEquals(Long.MAX_VALUE, ((Number) back.rows().get(1).get(0)).longValue());

        Literal small = (Literal) ((ProjectNode) PlanCodec.decode(PlanCodec.encode(new PlanFragment("q", 1,
                new ProjectNode(values, List.of(Literal.ofLong(3, DataType.BIGINT), new Literal(4.0, DataType.DOUBLE))))))
                .root()).projections().get(0);
        assertInstanceOf(Long.class, small.value());
    }
}
