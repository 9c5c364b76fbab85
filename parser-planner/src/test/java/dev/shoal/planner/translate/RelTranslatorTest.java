package dev.shoal.planner.translate;

import dev.shoal.core.plan.AggregateFunction;
import dev.shoal.core.plan.AggregateNode;
import dev.shoal.core.plan.FilterNode;
import dev.shoal.core.plan.JoinNode;
import dev.shoal.core.plan.JoinType;
import dev.shoal.core.plan.LimitNode;
import dev.shoal.core.plan.PlanNode;
import dev.shoal.core.plan.ProjectNode;
import dev.shoal.core.plan.SortKey;
import dev.shoal.core.plan.SortNode;
import dev.shoal.core.plan.TopNNode;
import dev.shoal.core.plan.UnionNode;
import dev.shoal.core.plan.ValuesNode;
import dev.shoal.core.type.DataType;
import dev.shoal.planner.calcite.ShoalTypeSystem;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.Contexts;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.RelBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Calcite's relational operators become Shoal's plan nodes one for one, on small plans built with RelBuilder. */
class RelTranslatorTest {
    private final RexBuilder rex = new RexBuilder(new JavaTypeFactoryImpl(ShoalTypeSystem.INSTANCE));
    /** Without simplification, so that each operator reaches the translator as built. */
    private final RelBuilder b = RelBuilder.proto(Contexts.of(RelBuilder.Config.DEFAULT.withSimplify(false).withSimplifyValues(false)))
            .create(RelOptCluster.create(new HepPlanner(HepProgram.builder().build()), rex), null);

    private PlanNode translate(RelNode rel) {
        return new RelTranslator(rex).translate(rel);
    }

    private RelBuilder values() {
        return b.values(new String[] {"k", "v"}, 1, 10_000_000_000L, 2, 20L, 2, 30L);
    }

    @Test
    void valuesFilterAndProjectKeepTheirTypes() {
        PlanNode plan = translate(values()
                .filter(b.call(SqlStdOperatorTable.GREATER_THAN, b.field("v"), b.literal(15)))
                .project(b.field("k"), b.call(SqlStdOperatorTable.PLUS, b.field("v"), b.literal(1)))
                .build());
        ProjectNode project = assertInstanceOf(ProjectNode.class, plan);
        FilterNode filter = assertInstanceOf(FilterNode.class, project.input());
        ValuesNode values = assertInstanceOf(ValuesNode.class, filter.input());
        assertEquals(3, values.rows().size());
        assertEquals(List.of(DataType.INTEGER, DataType.BIGINT), values.types());
        assertEquals(2, project.projections().size());
    }

    @Test
    void anAggregateMapsItsCallsAndKeys() {
        PlanNode plan = translate(values()
                .aggregate(b.groupKey("k"), b.sum(b.field("v")), b.count(true, "d", b.field("v")), b.countStar("n"))
                .build());
        AggregateNode aggregate = assertInstanceOf(AggregateNode.class, plan);
        assertEquals(List.of(0), aggregate.groupKeys());
        assertEquals(List.of(AggregateFunction.SUM, AggregateFunction.COUNT, AggregateFunction.COUNT_STAR),
                aggregate.aggregates().stream().map(a -> a.function()).toList());
        assertTrue(aggregate.aggregates().get(1).distinct());
    }

    @Test
    void sortsWithAFetchAreTopNAndOffsetsAreLimits() {
        SortNode sort = assertInstanceOf(SortNode.class, translate(values().sort(b.nullsLast(b.desc(b.field("v")))).build()));
        assertEquals(List.of(new SortKey(1, false, false)), sort.keys());
        TopNNode topN = assertInstanceOf(TopNNode.class, translate(values().sortLimit(0, 2, b.field("k")).build()));
        assertEquals(2, topN.count());
        LimitNode limit = assertInstanceOf(LimitNode.class, translate(values().limit(1, 5).build()));
        assertEquals(1, limit.offset());
        assertEquals(5, limit.count());
    }

    @Test
    void anEquiJoinHasKeysAndAUnionHasItsBranches() {
        RelNode join = values().as("l").push(values().build()).as("r")
                .join(JoinRelType.LEFT, b.equals(b.field(2, "l", "k"), b.field(2, "r", "k")))
                .build();
        JoinNode node = assertInstanceOf(JoinNode.class, translate(join));
        assertEquals(JoinType.LEFT, node.joinType());
        assertEquals(List.of(0), node.leftKeys());
        assertEquals(List.of(0), node.rightKeys());

        UnionNode union = assertInstanceOf(UnionNode.class, translate(values().push(values().build()).union(true).build()));
        assertEquals(2, union.sources().size());
    }
}
