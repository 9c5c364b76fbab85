package dev.shoal.planner.rules;

import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.rules.PruneEmptyRules;

import java.util.List;

/**
 * The heuristic (Hep) programs of logical planning, in the order {@code QueryPlanner} runs them:
 * subqueries to joins, window functions apart, rewrites, then filters into joins. Calcite's rules
 * where they do what Trino does; Shoal's own rewrites are classes beside this one.
 */
public final class RewritePrograms {
    private RewritePrograms() {
    }

    /** IN, EXISTS and scalar subqueries become correlates, which decorrelation then makes joins. */
    public static final HepProgram SUB_QUERIES = new HepProgramBuilder()
            .addRuleCollection(List.of(
                    CoreRules.FILTER_SUB_QUERY_TO_CORRELATE,
                    CoreRules.PROJECT_SUB_QUERY_TO_CORRELATE,
                    CoreRules.JOIN_SUB_QUERY_TO_CORRELATE))
            .build();

    /** Window functions (RexOver in projections) move into Window nodes of their own. */
    public static final HepProgram WINDOWS = new HepProgramBuilder()
            .addRuleInstance(CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW)
            .build();

    /** Set operations to aggregations, constants folded, filters and projections pushed down and merged. */
    public static final HepProgram REWRITES = new HepProgramBuilder()
            .addMatchOrder(HepMatchOrder.BOTTOM_UP)
            .addRuleCollection(List.of(
                    // UNION (distinct), INTERSECT and EXCEPT become UNION ALL and aggregations.
                    CoreRules.UNION_TO_DISTINCT,
                    CoreRules.INTERSECT_TO_DISTINCT,
                    CoreRules.MINUS_TO_DISTINCT,
                    CoreRules.FILTER_REDUCE_EXPRESSIONS,
                    CoreRules.PROJECT_REDUCE_EXPRESSIONS,
                    CoreRules.FILTER_MERGE,
                    CoreRules.FILTER_PROJECT_TRANSPOSE,
                    CoreRules.FILTER_AGGREGATE_TRANSPOSE,
                    CoreRules.PROJECT_MERGE,
                    CoreRules.PROJECT_REMOVE,
                    CoreRules.AGGREGATE_PROJECT_MERGE))
            .build();

    /**
     * Filters move into join conditions, so that each join has its keys; the join order itself is
     * chosen afterwards on Shoal's plan by {@link JoinReorderer}, from table statistics.
     */
    public static final HepProgram JOIN_ORDER = new HepProgramBuilder()
            .addMatchOrder(HepMatchOrder.BOTTOM_UP)
            // A disjunction over several tables implies one per table: from (n1 = 'FRANCE' AND n2 = 'GERMANY')
            // OR (n1 = 'GERMANY' AND n2 = 'FRANCE') comes n1 IN ('FRANCE', 'GERMANY'), which then moves down
            // to the scan (TPC-H Q7, Q19). The original condition stays.
            .addRuleCollection(List.of(
                    CoreRules.EXPAND_FILTER_DISJUNCTION_GLOBAL,
                    CoreRules.EXPAND_JOIN_DISJUNCTION_GLOBAL))
            .addRuleCollection(List.of(
                    CoreRules.FILTER_INTO_JOIN,
                    CoreRules.JOIN_CONDITION_PUSH,
                    CoreRules.JOIN_PUSH_EXPRESSIONS,
                    CoreRules.FILTER_PROJECT_TRANSPOSE,
                    // A filter that reached a WITH query's reference (t_s_firstyear.dyear = 2001 AND
                    // sale_type = 's' in TPC-DS q04, q11, q74) goes on below its GROUP BY and into each
                    // UNION branch, where it folds: the other channels' branches become empty and go.
                    CoreRules.FILTER_AGGREGATE_TRANSPOSE,
                    CoreRules.FILTER_SET_OP_TRANSPOSE,
                    CoreRules.FILTER_REDUCE_EXPRESSIONS,
                    PruneEmptyRules.FILTER_INSTANCE,
                    PruneEmptyRules.PROJECT_INSTANCE,
                    PruneEmptyRules.UNION_INSTANCE,
                    PruneEmptyRules.AGGREGATE_INSTANCE,
                    PruneEmptyRules.JOIN_LEFT_INSTANCE,
                    PruneEmptyRules.JOIN_RIGHT_INSTANCE,
                    CoreRules.FILTER_MERGE,
                    CoreRules.PROJECT_MERGE,
                    CoreRules.PROJECT_REMOVE))
            .build();
}
