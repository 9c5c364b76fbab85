package dev.shoal.planner.optimize;

import dev.shoal.core.expr.Call;
import dev.shoal.core.expr.InputRef;
import dev.shoal.core.expr.Literal;
import dev.shoal.core.expr.Op;
import dev.shoal.core.plan.AggregateCall;
import dev.shoal.core.plan.AggregateFunction;
import dev.shoal.core.plan.AggregateNode;
import dev.shoal.core.plan.FilterNode;
import dev.shoal.core.plan.JoinDistribution;
import dev.shoal.core.plan.JoinNode;
import dev.shoal.core.plan.JoinType;
import dev.shoal.core.plan.PlanNode;
import dev.shoal.core.plan.ProjectNode;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.core.plan.TableScanNode;
import dev.shoal.core.plan.UnionNode;
import dev.shoal.core.type.DataType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class ColumnPrunerTest {
    private static final List<ScanColumn> COLUMNS = List.of(new ScanColumn("a", DataType.BIGINT), new ScanColumn("b", DataType.VARCHAR),
            new ScanColumn("c", DataType.DOUBLE), new ScanColumn("d", DataType.DATE));

    private static TableScanNode scan() {
        return new TableScanNode("s.t", COLUMNS, List.of());
    }

    private static List<String> scanned(PlanNode node) {
        if (node instanceof TableScanNode scan) {
            return scan.columns().stream().map(ScanColumn::name).toList();
        }
        return scanned(node.inputs().get(0));
    }

    @Test
    void aProjectionReadsOnlyTheColumnsItUses() {
        PlanNode plan = new ProjectNode(scan(), List.of(new InputRef(2, DataType.DOUBLE)));
        PlanNode pruned = ColumnPruner.prune(plan);
        assertEquals(List.of("c"), scanned(pruned));
        assertEquals(List.of(DataType.DOUBLE), pruned.outputTypes());
    }

    /** A column only the filter reads is read, and dropped right after the filter. */
    @Test
    void aColumnOnlyTheFilterReadsIsDroppedAfterIt() {
        PlanNode filter = new FilterNode(scan(), new Call(Op.GREATER_THAN, DataType.BOOLEAN, new InputRef(0, DataType.BIGINT),
                Literal.ofLong(5, DataType.BIGINT)));
        PlanNode plan = new ProjectNode(filter, List.of(new InputRef(1, DataType.VARCHAR)));
        PlanNode pruned = ColumnPruner.prune(plan);
        assertEquals(List.of("a", "b"), scanned(pruned));
        ProjectNode top = assertInstanceOf(ProjectNode.class, pruned);
        assertInstanceOf(FilterNode.class, top.input(), "a is dropped right after the filter");
        assertEquals(List.of(DataType.VARCHAR), top.outputTypes());
    }

    @Test
    void anAggregateKeepsItsKeysArgumentsAndFilterColumns() {
        AggregateCall sumIf = new AggregateCall(AggregateFunction.SUM, List.of(2), false, DataType.DOUBLE, 3);
        PlanNode plan = new AggregateNode(new ProjectNode(scan(), List.of(new InputRef(0, DataType.BIGINT), new InputRef(1, DataType.VARCHAR),
                new InputRef(2, DataType.DOUBLE), new Call(Op.IS_NOT_NULL, DataType.BOOLEAN, new InputRef(3, DataType.DATE)))),
                List.of(1), List.of(sumIf));
        assertEquals(List.of("b", "c", "d"), scanned(ColumnPruner.prune(plan)));
    }

    /** COUNT(*) over a union still reads one column of every branch, the same one, so that they line up. */
    @Test
    void unionBranchesKeepTheSameColumns() {
        AggregateCall count = new AggregateCall(AggregateFunction.COUNT_STAR, List.of(), false, DataType.BIGINT);
        PlanNode plan = new AggregateNode(new UnionNode(List.of(scan(), scan())), List.of(), List.of(count));
        UnionNode union = assertInstanceOf(UnionNode.class, ((AggregateNode) ColumnPruner.prune(plan)).input());
        assertEquals(union.sources().get(0).outputTypes(), union.sources().get(1).outputTypes());
        assertEquals(1, union.sources().get(0).outputTypes().size());
    }

    /** The keys of a join no one above reads are dropped right after it, before the next join or exchange copies them. */
    @Test
    void keysOnlyTheJoinReadsAreDroppedAfterIt() {
        JoinNode join = new JoinNode(scan(), scan(), JoinType.INNER, List.of(0), List.of(0), null, JoinDistribution.BROADCAST);
        PlanNode plan = new ProjectNode(join, List.of(new InputRef(1, DataType.VARCHAR), new InputRef(6, DataType.DOUBLE)));
        ProjectNode afterJoin = assertInstanceOf(ProjectNode.class, ColumnPruner.prune(plan));
        assertInstanceOf(JoinNode.class, afterJoin.input());
        assertEquals(List.of(DataType.VARCHAR, DataType.DOUBLE), afterJoin.outputTypes(), "both keys are gone");
        assertEquals(List.of(DataType.BIGINT, DataType.VARCHAR, DataType.BIGINT, DataType.DOUBLE), afterJoin.input().outputTypes());
    }

    /** A projection that picks every column of its input, in order, is left out. */
    @Test
    void aProjectionOfEveryColumnInOrderIsLeftOut() {
        JoinNode join = new JoinNode(scan(), scan(), JoinType.INNER, List.of(0), List.of(0), null, JoinDistribution.BROADCAST);
        PlanNode plan = new ProjectNode(join, List.of(new InputRef(0, DataType.BIGINT), new InputRef(4, DataType.BIGINT)));
        assertInstanceOf(JoinNode.class, ColumnPruner.prune(plan));
    }

    /** Two projections in a row, the lower one only picking columns, become one. */
    @Test
    void stackedProjectionsMerge() {
        PlanNode picked = new ProjectNode(scan(), List.of(new InputRef(2, DataType.DOUBLE), new InputRef(0, DataType.BIGINT)));
        PlanNode plan = new ProjectNode(picked, List.of(new Call(Op.GREATER_THAN, DataType.BOOLEAN, new InputRef(0, DataType.DOUBLE),
                new InputRef(1, DataType.BIGINT))));
        ProjectNode top = assertInstanceOf(ProjectNode.class, ColumnPruner.prune(plan));
        assertInstanceOf(TableScanNode.class, top.input());
        assertEquals(List.of("a", "c"), scanned(top));
        assertEquals(new Call(Op.GREATER_THAN, DataType.BOOLEAN, new InputRef(1, DataType.DOUBLE), new InputRef(0, DataType.BIGINT)),
                top.projections().get(0));
    }
}
