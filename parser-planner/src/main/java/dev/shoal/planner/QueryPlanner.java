package dev.shoal.planner;

import dev.shoal.core.catalog.Catalog;
import dev.shoal.core.catalog.TableDefinition;
import dev.shoal.core.catalog.TableStatistics;
import dev.shoal.core.plan.PlanNode;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.core.plan.TableWriterNode;
import dev.shoal.core.session.SessionProperty;
import dev.shoal.planner.calcite.ComparisonTypes;
import dev.shoal.planner.calcite.ConstantFolder;
import dev.shoal.planner.calcite.InterruptibleHepPlanner;
import dev.shoal.planner.calcite.ShoalTypeSystem;
import dev.shoal.planner.calcite.SqlFrontEnd;
import dev.shoal.planner.calcite.SystemTable;
import dev.shoal.planner.distribute.DistributedPlanner;
import dev.shoal.planner.distribute.Fragment;
import dev.shoal.planner.distribute.Fragmenter;
import dev.shoal.planner.optimize.ColumnPruner;
import dev.shoal.planner.optimize.JoinReorderer;
import dev.shoal.planner.parser.ShoalParser;
import dev.shoal.planner.rules.ExistsToSemiJoin;
import dev.shoal.planner.rules.KeyFiltersAcrossJoins;
import dev.shoal.planner.rules.LiteralAggToProject;
import dev.shoal.planner.rules.PullCommonFactors;
import dev.shoal.planner.rules.RewritePrograms;
import dev.shoal.planner.rules.SingleDistinctToGroupBy;
import dev.shoal.planner.stats.CardinalityEstimator;
import dev.shoal.planner.translate.RelTranslator;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.RelDecorrelator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * SQL text to an executable plan: Calcite parses, validates against the catalog and converts to
 * relational algebra; heuristic (Hep) rewrites fold constants and push filters and projections;
 * Shoal translates the result to its plan IR and prunes unread columns. No Volcano search and no
 * Enumerable execution: planning stays in milliseconds.
 */
public final class QueryPlanner {
    private final Catalog catalog;
    private final String defaultSchema;
    private final Function<TableDefinition, TableStatistics> statistics;
    private final long broadcastThresholdBytes;
    private final List<SystemTable> systemTables;

    public QueryPlanner(Catalog catalog, String defaultSchema) {
        this(catalog, defaultSchema, table -> TableStatistics.UNKNOWN);
    }

    public QueryPlanner(Catalog catalog, String defaultSchema, Function<TableDefinition, TableStatistics> statistics) {
        this(catalog, defaultSchema, statistics, DistributedPlanner.DEFAULT_BROADCAST_THRESHOLD_BYTES);
    }

    public QueryPlanner(Catalog catalog, String defaultSchema, Function<TableDefinition, TableStatistics> statistics,
                        long broadcastThresholdBytes) {
        this(catalog, defaultSchema, statistics, broadcastThresholdBytes, List.of());
    }

    /** {@code systemTables}: the coordinator's tables under {@code system} (queries, nodes, tasks). */
    public QueryPlanner(Catalog catalog, String defaultSchema, Function<TableDefinition, TableStatistics> statistics,
                        long broadcastThresholdBytes, List<SystemTable> systemTables) {
        this.systemTables = List.copyOf(systemTables);
        this.catalog = catalog;
        this.defaultSchema = defaultSchema;
        this.statistics = statistics;
        this.broadcastThresholdBytes = broadcastThresholdBytes;
    }

    /**
     * Subqueries become joins: IN, EXISTS and scalar subqueries are rewritten by Calcite's
     * SubQueryRemoveRule (NOT IN keeps SQL's NULL semantics through its null-aware rewrite),
     * correlated EXISTS and NOT EXISTS become semi and anti joins, and the other correlated ones
     * are decorrelated into joins with aggregates.
     */
    private static RelNode removeSubQueries(RelNode rel, RelOptCluster cluster, CalciteCatalogReader reader, PlanningInterrupt interrupt) {
        HepPlanner planner = new InterruptibleHepPlanner(RewritePrograms.SUB_QUERIES, interrupt);
        planner.setRoot(rel);
        RelNode withoutSubQueries = ExistsToSemiJoin.rewrite(planner.findBestExp());
        return RelDecorrelator.decorrelateQuery(withoutSubQueries, RelFactories.LOGICAL_BUILDER.create(cluster, reader));
    }

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

    public SqlNode parse(String sql) {
        return ShoalParser.parse(sql);
    }

    public PlannedQuery plan(String sql) {
        return plan(parse(sql), System.nanoTime());
    }

    /**
     * The phases, in order, each timed: parse (before this call, since {@code startNanos}),
     * validate, convert to relational algebra, subqueries to joins, rewrites, filters into joins,
     * translation to Shoal's IR with join order and column pruning, and distribution into fragments.
     */
    public PlannedQuery plan(SqlNode parsed, long startNanos) {
        return plan(parsed, startNanos, null, Session.of(null, defaultSchema));
    }

    /** Planned with unqualified table names looked up in {@code schema} (a session's USE). */
    public PlannedQuery plan(SqlNode parsed, long startNanos, String schema) {
        return plan(parsed, startNanos, null, Session.of(null, schema));
    }

    /** Planned for a client's session: its user and schema. */
    public PlannedQuery plan(SqlNode parsed, long startNanos, Session session) {
        return plan(parsed, startNanos, null, session);
    }

    /**
     * A query whose rows are written as Parquet files instead of returned (CREATE TABLE AS): the
     * plan ends in a {@link TableWriterNode} in every task of the fragment below it, and the result
     * is one row per file written (path, bytes, rows). The written columns are the query's, named.
     */
    public PlannedQuery planWrite(SqlNode query, long startNanos, WriteTarget target, Session session) {
        return plan(query, startNanos, target, session);
    }

    /** The coordinator's tables under {@code system}. */
    public List<SystemTable> systemTables() {
        return systemTables;
    }

    public String defaultSchema() {
        return defaultSchema;
    }

    private PlannedQuery plan(SqlNode parsed, long startNanos, WriteTarget target, Session session) {
        String sessionSchema = session.schema();
        PlanningInterrupt interrupt = session.interrupt();
        PhaseTimer phases = new PhaseTimer(startNanos, interrupt);
        phases.end("parse");
        JavaTypeFactoryImpl typeFactory = new JavaTypeFactoryImpl(ShoalTypeSystem.INSTANCE);
        HepPlanner hep = new InterruptibleHepPlanner(RewritePrograms.REWRITES, interrupt);
        hep.setExecutor(ConstantFolder.INSTANCE);
        RexBuilder rexBuilder = new RexBuilder(typeFactory);
        RelOptCluster cluster = RelOptCluster.create(hep, rexBuilder);
        SqlFrontEnd frontEnd = new SqlFrontEnd(catalog, statistics, systemTables, session, typeFactory, cluster);
        CalciteCatalogReader reader = frontEnd.reader(sessionSchema);
        SqlValidator validator = frontEnd.validator(reader);
        SqlNode validated;
        try {
            validated = validator.validate(parsed);
        } catch (CalciteContextException e) {
            throw SqlErrors.validation(e);
        }
        ComparisonTypes.check(validated, validator);
        phases.end("validate");

        RelRoot relRoot = frontEnd.converter(validator, reader).convertQuery(validated, false, true);
        phases.end("convert");
        RelNode rel = PullCommonFactors.rewrite(run(RewritePrograms.WINDOWS, removeSubQueries(relRoot.project(), cluster, reader, interrupt), interrupt));
        phases.end("subqueries");
        hep.setRoot(rel);
        RelNode optimized = hep.findBestExp();
        phases.end("rewrite");
        if (RelOptUtil.countJoins(optimized) > 0) {
            optimized = pushFiltersIntoJoins(optimized, interrupt);
            RelNode inferred = KeyFiltersAcrossJoins.rewrite(optimized);
            if (inferred != optimized) {
                // The filters a join's keys carried to its other side go down that side as the first ones did.
                optimized = pushFiltersIntoJoins(inferred, interrupt);
            }
        }
        phases.end("join conditions");

        CardinalityEstimator estimator = new CardinalityEstimator(this::statisticsOf);
        PlanNode plan = ColumnPruner.prune(new JoinReorderer(estimator).reorder(
                new RelTranslator(rexBuilder, session).translate(SingleDistinctToGroupBy.rewrite(LiteralAggToProject.rewrite(optimized)))));
        List<String> names = trinoColumnNames(relRoot.fields.stream().map(Map.Entry::getValue).toList());
        if (target != null) {
            List<ScanColumn> written = WrittenColumns.of(names, plan.outputTypes());
            WrittenColumns.checkPartitionColumns(written, target.partitionColumns());
            WrittenColumns.checkBucketColumns(written, target.partitionColumns(), target.bucketedBy());
            plan = new TableWriterNode(plan, target.location(), target.writeId(), written, target.compression(),
                    target.maxRowsPerFile(), target.partitionColumns(), target.maxOpenWriters(), target.bucketedBy(), target.bucketCount());
            names = WrittenColumns.FILE_COLUMNS;
        }
        phases.end("translate");
        long broadcastThreshold = session.properties().bytes(SessionProperty.JOIN_MAX_BROADCAST_TABLE_SIZE).orElse(broadcastThresholdBytes);
        List<Fragment> fragments = Fragmenter.fragment(new DistributedPlanner(this::statisticsOf, broadcastThreshold).plan(plan));
        phases.end("distribute");
        return new PlannedQuery(plan, fragments, names, plan.outputTypes(), phases.times());
    }

    /** The JOIN_ORDER program: filters into join conditions and down to the scans, constants folded as Shoal folds them. */
    private static RelNode pushFiltersIntoJoins(RelNode rel, PlanningInterrupt interrupt) {
        HepPlanner planner = new InterruptibleHepPlanner(RewritePrograms.JOIN_ORDER, interrupt);
        planner.setExecutor(ConstantFolder.INSTANCE);
        planner.setRoot(rel);
        return planner.findBestExp();
    }

    private static RelNode run(HepProgram program, RelNode rel, PlanningInterrupt interrupt) {
        HepPlanner planner = new InterruptibleHepPlanner(program, interrupt);
        planner.setRoot(rel);
        return planner.findBestExp();
    }

    /** Times phases back to back: each ends where the next begins, and the next begins only if planning may go on. */
    private static final class PhaseTimer {
        private final List<PhaseTime> times = new ArrayList<>();
        private final PlanningInterrupt interrupt;
        private long last;

        PhaseTimer(long startNanos, PlanningInterrupt interrupt) {
            this.last = startNanos;
            this.interrupt = interrupt;
        }

        void end(String phase) {
            long now = System.nanoTime();
            times.add(new PhaseTime(phase, now - last));
            last = now;
            interrupt.check();
        }

        List<PhaseTime> times() {
            return times;
        }
    }
}
