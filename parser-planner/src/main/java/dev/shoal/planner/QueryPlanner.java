package dev.shoal.planner;

import dev.shoal.core.catalog.Catalog;
import dev.shoal.core.catalog.TableDefinition;
import dev.shoal.core.catalog.TableStatistics;
import dev.shoal.core.plan.PlanNode;
import dev.shoal.core.type.DataType;
import dev.shoal.planner.calcite.CatalogSchema;
import dev.shoal.planner.calcite.ConstantFolder;
import dev.shoal.planner.calcite.ExistsToSemiJoin;
import dev.shoal.planner.calcite.ShoalOperatorTable;
import dev.shoal.planner.calcite.ShoalTypeSystem;
import dev.shoal.planner.calcite.TrinoCasts;
import dev.shoal.planner.calcite.TrinoSpellings;
import dev.shoal.planner.calcite.TrinoValidator;
import dev.shoal.planner.optimize.ColumnPruner;
import dev.shoal.planner.optimize.JoinReorderer;
import dev.shoal.planner.stats.CardinalityEstimator;
import dev.shoal.planner.translate.RelTranslator;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.rules.PruneEmptyRules;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;

/**
 * SQL text to an executable plan: Calcite parses, validates against the catalog and converts to
 * relational algebra; heuristic (Hep) rewrites fold constants and push filters and projections;
 * Shoal translates the result to its plan IR and prunes unread columns. No Volcano search and no
 * Enumerable execution: planning stays in milliseconds.
 */
public final class QueryPlanner {
    private static final HepProgram REWRITES = new HepProgramBuilder()
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
    private static final HepProgram JOIN_ORDER = new HepProgramBuilder()
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

    private final Catalog catalog;
    private final String defaultSchema;
    private final Function<TableDefinition, TableStatistics> statistics;

    public QueryPlanner(Catalog catalog, String defaultSchema) {
        this(catalog, defaultSchema, table -> TableStatistics.UNKNOWN);
    }

    public QueryPlanner(Catalog catalog, String defaultSchema, Function<TableDefinition, TableStatistics> statistics) {
        this.catalog = catalog;
        this.defaultSchema = defaultSchema;
        this.statistics = statistics;
    }

    /**
     * Subqueries become joins: IN, EXISTS and scalar subqueries are rewritten by Calcite's
     * SubQueryRemoveRule (NOT IN keeps SQL's NULL semantics through its null-aware rewrite),
     * correlated EXISTS and NOT EXISTS become semi and anti joins, and the other correlated ones
     * are decorrelated into joins with aggregates.
     */
    private static RelNode removeSubQueries(RelNode rel, RelOptCluster cluster, CalciteCatalogReader reader) {
        HepPlanner planner = new HepPlanner(SUB_QUERIES);
        planner.setRoot(rel);
        RelNode withoutSubQueries = ExistsToSemiJoin.rewrite(planner.findBestExp());
        return RelDecorrelator.decorrelateQuery(withoutSubQueries, RelFactories.LOGICAL_BUILDER.create(cluster, reader));
    }

    /**
     * (a AND x) OR (a AND y) becomes a AND (x OR y) in every filter, before filters are pushed
     * down: the common conjuncts can then reach a scan or become join keys (TPC-H Q19 repeats its
     * join condition and two lineitem filters in each of three OR branches).
     */
    private static RelNode pullCommonFactors(RelNode rel) {
        return rel.accept(new org.apache.calcite.rel.RelHomogeneousShuttle() {
            @Override
            public RelNode visit(RelNode other) {
                RelNode visited = super.visit(other);
                if (visited instanceof org.apache.calcite.rel.logical.LogicalFilter filter) {
                    RexNode pulled = RexUtil.pullFactors(filter.getCluster().getRexBuilder(), filter.getCondition());
                    if (!pulled.equals(filter.getCondition())) {
                        return filter.copy(filter.getTraitSet(), filter.getInput(), pulled);
                    }
                }
                return visited;
            }
        });
    }

    /** Window functions (RexOver in projections) move into Window nodes of their own. */
    private static RelNode windows(RelNode rel) {
        HepPlanner planner = new HepPlanner(WINDOWS);
        planner.setRoot(rel);
        return planner.findBestExp();
    }

    private static final HepProgram WINDOWS = new HepProgramBuilder()
            .addRuleInstance(CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW)
            .build();

    private static final HepProgram SUB_QUERIES = new HepProgramBuilder()
            .addRuleCollection(List.of(
                    CoreRules.FILTER_SUB_QUERY_TO_CORRELATE,
                    CoreRules.PROJECT_SUB_QUERY_TO_CORRELATE,
                    CoreRules.JOIN_SUB_QUERY_TO_CORRELATE))
            .build();

    /** An unnamed output column is {@code _col<position>} in Trino and Athena, where Calcite says {@code EXPR$<n>}. */
    static List<String> trinoColumnNames(List<String> calciteNames) {
        List<String> names = new ArrayList<>(calciteNames.size());
        for (int i = 0; i < calciteNames.size(); i++) {
            String name = calciteNames.get(i);
            names.add(name.matches("EXPR\\$\\d+") ? "_col" + i : name);
        }
        return names;
    }

    /** The statistics of a table named "schema.name"; unknown for a table no longer in the catalog. */
    public TableStatistics statisticsOf(String qualifiedName) {
        return catalog.table(qualifiedName).map(statistics).orElse(TableStatistics.UNKNOWN);
    }

    static SqlParser.Config parserConfig() {
        // Unquoted names fold to lower case, as in Trino, so result columns read l_returnflag.
        return SqlParser.config()
                .withParserFactory(SqlBabelParserImpl.FACTORY)
                .withCaseSensitive(false)
                .withUnquotedCasing(Casing.TO_LOWER)
                .withQuotedCasing(Casing.UNCHANGED)
                .withQuoting(Quoting.DOUBLE_QUOTE)
                .withConformance(SqlConformanceEnum.LENIENT);
    }

    public SqlNode parse(String sql) {
        try {
            return SqlParser.create(TrinoSpellings.rewrite(sql), parserConfig()).parseStmt();
        } catch (SqlParseException e) {
            throw SqlErrors.syntax(e);
        }
    }

    public PlannedQuery plan(String sql) {
        return plan(parse(sql), System.nanoTime());
    }

    public PlannedQuery plan(SqlNode parsed, long startNanos) {
        JavaTypeFactoryImpl typeFactory = new JavaTypeFactoryImpl(ShoalTypeSystem.INSTANCE);
        CalciteSchema root = CalciteSchema.createRootSchema(false, false);
        for (String schema : catalog.schemas()) {
            root.add(schema, new CatalogSchema(catalog, schema, statistics));
        }
        Properties properties = new Properties();
        properties.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "false");
        CalciteCatalogReader reader = new CalciteCatalogReader(root, List.of(defaultSchema), typeFactory,
                new CalciteConnectionConfigImpl(properties));
        SqlValidator validator = new TrinoValidator(ShoalOperatorTable.INSTANCE, reader, typeFactory,
                SqlValidator.Config.DEFAULT
                        .withIdentifierExpansion(true)
                        // Trino does not coerce implicitly: varchar + 1 is an error, not a guess.
                        .withTypeCoercionEnabled(false)
                        .withTypeCoercionRules(TrinoCasts.RULES)
                        .withConformance(SqlConformanceEnum.LENIENT)
                        .withDefaultNullCollation(NullCollation.LAST));
        SqlNode validated;
        try {
            validated = validator.validate(parsed);
        } catch (CalciteContextException e) {
            throw SqlErrors.validation(e);
        }

        HepPlanner hep = new HepPlanner(REWRITES);
        hep.setExecutor(ConstantFolder.INSTANCE);
        RexBuilder rexBuilder = new RexBuilder(typeFactory);
        RelOptCluster cluster = RelOptCluster.create(hep, rexBuilder);
        SqlToRelConverter converter = new SqlToRelConverter((type, query, schema, path) -> null, validator, reader,
                cluster, StandardConvertletTable.INSTANCE,
                SqlToRelConverter.config().withExpand(false).withInSubQueryThreshold(Integer.MAX_VALUE));
        RelRoot relRoot = converter.convertQuery(validated, false, true);
        RelNode rel = pullCommonFactors(windows(removeSubQueries(relRoot.project(), cluster, reader)));
        hep.setRoot(rel);
        RelNode optimized = hep.findBestExp();
        if (RelOptUtil.countJoins(optimized) > 0) {
            HepPlanner joinPlanner = new HepPlanner(JOIN_ORDER);
            joinPlanner.setExecutor(ConstantFolder.INSTANCE);
            joinPlanner.setRoot(optimized);
            optimized = joinPlanner.findBestExp();
        }

        CardinalityEstimator estimator = new CardinalityEstimator(this::statisticsOf);
        PlanNode plan = ColumnPruner.prune(new JoinReorderer(estimator).reorder(new RelTranslator(rexBuilder).translate(optimized)));
        List<String> names = trinoColumnNames(relRoot.fields.stream().map(java.util.Map.Entry::getValue).toList());
        List<DataType> types = plan.outputTypes();
        return new PlannedQuery(plan, names, types, System.nanoTime() - startNanos);
    }
}
