package dev.shoal.planner.rules;

import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.tools.RelBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiteralAggToProjectTest {
    private static RelBuilder builder() {
        RexBuilder rex = new RexBuilder(new JavaTypeFactoryImpl());
        RelOptCluster cluster = RelOptCluster.create(new HepPlanner(HepProgram.builder().build()), rex);
        return RelFactories.LOGICAL_BUILDER.create(cluster, null);
    }

    @Test
    void aLiteralAggregateBecomesAConstantAboveTheGrouping() {
        RelBuilder b = builder();
        RelNode plan = b.values(new String[] {"k", "v"}, 1, 10, 1, 20, 2, 30)
                .aggregate(b.groupKey(0), b.literalAgg(true), b.sum(b.field(1)))
                .build();
        RelNode rewritten = LiteralAggToProject.rewrite(plan);

        LogicalProject project = assertInstanceOf(LogicalProject.class, rewritten);
        LogicalAggregate aggregate = assertInstanceOf(LogicalAggregate.class, project.getInput());
        assertTrue(aggregate.getAggCallList().stream().noneMatch(c -> c.getAggregation().getKind() == SqlKind.LITERAL_AGG),
                RelOptUtil.toString(rewritten));
        assertEquals(1, aggregate.getAggCallList().size());
        assertEquals(Boolean.TRUE, ((RexLiteral) project.getProjects().get(1)).getValueAs(Boolean.class));
        assertEquals("$1", project.getProjects().get(2).toString(), "the SUM moves from column 2 to 1 below the projection");
        assertEquals(plan.getRowType(), rewritten.getRowType());
    }

    @Test
    void anAggregateWithoutLiteralsIsLeftAlone() {
        RelBuilder b = builder();
        RelNode plan = b.values(new String[] {"k", "v"}, 1, 10).aggregate(b.groupKey(0), b.count()).build();
        assertSame(plan, LiteralAggToProject.rewrite(plan));
    }
}
