package dev.shoal.planner.stats;

import dev.shoal.core.catalog.ColumnStatistics;
import dev.shoal.core.catalog.TableStatistics;
import dev.shoal.core.plan.AggregateNode;
import dev.shoal.core.plan.AggregateStep;
import dev.shoal.core.plan.DynamicFilterNode;
import dev.shoal.core.plan.ExchangeNode;
import dev.shoal.core.plan.FilterNode;
import dev.shoal.core.plan.JoinNode;
import dev.shoal.core.plan.LimitNode;
import dev.shoal.core.plan.PlanNode;
import dev.shoal.core.plan.PlanVisitor;
import dev.shoal.core.plan.ProjectNode;
import dev.shoal.core.plan.RemoteSourceNode;
import dev.shoal.core.plan.SortNode;
import dev.shoal.core.plan.TableScanNode;
import dev.shoal.core.plan.TableWriterNode;
import dev.shoal.core.plan.TopNNode;
import dev.shoal.core.plan.UnionNode;
import dev.shoal.core.plan.ValuesNode;
import dev.shoal.core.plan.WindowNode;
import dev.shoal.core.type.DataType;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Row, size and distinct-value estimates for join ordering and join distribution. Table row
 * counts and integer min/max come from Parquet footers; a column's distinct values are at most
 * its rows and, for integers, its range (keys such as c_custkey are dense). An equi-join keeps
 * {@code left × right / max(distinct values of the keys)} rows; a filter keeps what
 * {@link FilterSelectivity} measures, a grouping a tenth. Crude, but it tells a foreign-key join from a many-to-many one.
 */
public final class CardinalityEstimator {
    private static final double GROUPING_REDUCTION = 0.1;
    private static final long UNKNOWN_TABLE_ROWS = 1_000_000;

    private final Function<String, TableStatistics> statistics;

    /** Estimates are asked again and again while joins are ordered: remember them for this plan. */
    private final Map<String, TableStatistics> tables = new HashMap<>();
    private final Map<PlanNode, Double> rowsByNode = new IdentityHashMap<>();
    private final Map<PlanNode, Map<Integer, Double>> distinctByNode = new IdentityHashMap<>();
    /** Output widths: a join's is its inputs' summed again on every call, which deep join trees asked for at every level. */
    private final Map<PlanNode, Integer> widthByNode = new IdentityHashMap<>();

    private final ColumnRangeOf columnRanges = new ColumnRangeOf(this::scanColumnStatistics);
    private final DistinctValuesOf distinctValues = new DistinctValuesOf(this, this::scanColumnStatistics);

    public CardinalityEstimator(Function<String, TableStatistics> statistics) {
        this.statistics = table -> tables.computeIfAbsent(table, statistics);
    }

    public double rows(PlanNode node) {
        Double known = rowsByNode.get(node);
        if (known == null) {
            known = estimateRows(node);
            rowsByNode.put(node, known);
        }
        return known;
    }

    private double estimateRows(PlanNode node) {
        return node.accept(rowEstimates, null);
    }

    /** Rows out of each node, from its inputs' (memoized through {@link #rows}). */
    private final PlanVisitor<Double, Void> rowEstimates = new PlanVisitor<>() {
        @Override
        public Double visitTableScan(TableScanNode scan, Void context) {
            TableStatistics stats = statistics.apply(scan.table());
            return (double) (stats.known() ? Math.max(1, stats.rowCount()) : UNKNOWN_TABLE_ROWS);
        }

        @Override
        public Double visitValues(ValuesNode values, Void context) {
            return (double) Math.max(1, values.rows().size());
        }

        @Override
        public Double visitFilter(FilterNode filter, Void context) {
            FilterSelectivity selectivity = new FilterSelectivity(column -> filter.input().accept(columnRanges, column));
            return Math.max(1, rows(filter.input()) * selectivity.of(filter.predicate()));
        }

        @Override
        public Double visitProject(ProjectNode project, Void context) {
            return rows(project.input());
        }

        @Override
        public Double visitAggregate(AggregateNode aggregate, Void context) {
            if (aggregate.groupKeys().isEmpty()) {
                return 1.0;
            }
            // The final step of a split aggregation finds the groups its partial step already counted.
            double reduction = aggregate.step() == AggregateStep.FINAL ? 1 : GROUPING_REDUCTION;
            return Math.max(1, rows(aggregate.input()) * reduction);
        }

        @Override
        public Double visitJoin(JoinNode join, Void context) {
            double left = rows(join.left());
            double right = rows(join.right());
            double matched = equiJoinRows(join, left, right);
            return switch (join.joinType()) {
                case SEMI, ANTI -> Math.max(1, left * 0.5);
                case LEFT -> Math.max(left, matched);
                case RIGHT -> Math.max(right, matched);
                case FULL -> Math.max(left + right, matched);
                case INNER -> Math.max(1, join.filter() == null ? matched : matched * FilterSelectivity.UNKNOWN);
            };
        }

        @Override
        public Double visitSort(SortNode sort, Void context) {
            return rows(sort.input());
        }

        @Override
        public Double visitTopN(TopNNode topN, Void context) {
            return Math.min(topN.count(), rows(topN.input()));
        }

        @Override
        public Double visitTableWriter(TableWriterNode writer, Void context) {
            return Math.max(1, Math.ceil(rows(writer.input()) / Math.max(1, writer.maxRowsPerFile())));
        }

        @Override
        public Double visitLimit(LimitNode limit, Void context) {
            return limit.count() < 0 ? rows(limit.input()) : Math.min(limit.count(), rows(limit.input()));
        }

        @Override
        public Double visitExchange(ExchangeNode exchange, Void context) {
            return rows(exchange.input());
        }

        @Override
        public Double visitRemoteSource(RemoteSourceNode remote, Void context) {
            // A fragment's input from another fragment: its rows were estimated where it was cut.
            return 1.0;
        }

        @Override
        public Double visitUnion(UnionNode union, Void context) {
            return union.inputs().stream().mapToDouble(CardinalityEstimator.this::rows).sum();
        }

        @Override
        public Double visitWindow(WindowNode window, Void context) {
            return rows(window.input());
        }

        @Override
        public Double visitDynamicFilter(DynamicFilterNode filter, Void context) {
            return rows(filter.input());
        }
    };

    /**
     * {@code left × right / max(distinct keys of either side)}, a side's distinct keys being the
     * product of its key columns' distinct values, at most its rows: on (partkey, suppkey) a
     * lineitem row meets one partsupp row, not the four of its part.
     */
    private double equiJoinRows(JoinNode join, double left, double right) {
        if (join.leftKeys().isEmpty()) {
            return left * right;
        }
        double leftKeys = 1;
        double rightKeys = 1;
        for (int k = 0; k < join.leftKeys().size(); k++) {
            leftKeys *= distinctValues(join.left(), join.leftKeys().get(k));
            rightKeys *= distinctValues(join.right(), join.rightKeys().get(k));
        }
        double divisor = Math.max(1, Math.max(Math.min(leftKeys, left), Math.min(rightKeys, right)));
        return left * right / divisor;
    }

    /** Estimated distinct values of an output column of {@code node}. */
    public double distinctValues(PlanNode node, int column) {
        Map<Integer, Double> known = distinctByNode.computeIfAbsent(node, n -> new HashMap<>());
        Double value = known.get(column);
        if (value == null) {
            value = Math.min(rows(node), node.accept(distinctValues, column));
            known.put(column, value);
        }
        return value;
    }

    /** How many columns {@code node} outputs. */
    public int width(PlanNode node) {
        return widthByNode.computeIfAbsent(node, n -> n.outputTypes().size());
    }

    /** The footer statistics of a scanned column, or null when the table has none for it. */
    private ColumnStatistics scanColumnStatistics(TableScanNode scan, int column) {
        String name = scan.columns().get(column).name();
        for (ColumnStatistics columnStats : statistics.apply(scan.table()).columns()) {
            if (columnStats.name().equalsIgnoreCase(name)) {
                return columnStats;
            }
        }
        return null;
    }

    public double bytes(PlanNode node) {
        return rows(node) * rowWidth(node.outputTypes());
    }

    static double rowWidth(List<DataType> types) {
        double width = 0;
        for (DataType type : types) {
            width += switch (type.storage()) {
                case LONG, DOUBLE -> 8;
                case BOOLEAN -> 1;
                case BYTES -> 24;
            };
        }
        return Math.max(width, 1);
    }
}
