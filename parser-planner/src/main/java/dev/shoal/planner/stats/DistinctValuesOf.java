package dev.shoal.planner.stats;

import dev.shoal.core.catalog.ColumnStatistics;
import dev.shoal.core.expr.InputRef;
import dev.shoal.core.plan.AggregateNode;
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

import java.util.function.BiFunction;

/**
 * Distinct values of an output column (the context) before capping by the node's rows: a table
 * column's integer range or its distinct count from dictionaries, followed through filters, exchanges, projections and joins; the
 * widest branch of a union; otherwise as many as the node has rows.
 */
final class DistinctValuesOf implements PlanVisitor<Double, Integer> {
    private final CardinalityEstimator estimator;
    private final BiFunction<TableScanNode, Integer, ColumnStatistics> scanStatistics;

    DistinctValuesOf(CardinalityEstimator estimator, BiFunction<TableScanNode, Integer, ColumnStatistics> scanStatistics) {
        this.estimator = estimator;
        this.scanStatistics = scanStatistics;
    }

    @Override
    public Double visitTableScan(TableScanNode scan, Integer column) {
        double rows = estimator.rows(scan);
        ColumnStatistics stats = scanStatistics.apply(scan, column);
        if (stats != null && stats.min() instanceof Number min && stats.max() instanceof Number max
                && !(min instanceof Double) && !(min instanceof Float)) {
            return Math.min(rows, (double) max.longValue() - min.longValue() + 1);
        }
        if (stats != null && stats.distinctCountKnown()) {
            return Math.min(rows, (double) stats.distinctCount());
        }
        return rows;
    }

    @Override
    public Double visitFilter(FilterNode filter, Integer column) {
        return estimator.distinctValues(filter.input(), column);
    }

    @Override
    public Double visitExchange(ExchangeNode exchange, Integer column) {
        return estimator.distinctValues(exchange.input(), column);
    }

    @Override
    public Double visitProject(ProjectNode project, Integer column) {
        return project.projections().get(column) instanceof InputRef ref
                ? estimator.distinctValues(project.input(), ref.index()) : estimator.rows(project);
    }

    @Override
    public Double visitJoin(JoinNode join, Integer column) {
        int leftWidth = estimator.width(join.left());
        return column < leftWidth ? estimator.distinctValues(join.left(), column)
                : estimator.distinctValues(join.right(), column - leftWidth);
    }

    @Override
    public Double visitUnion(UnionNode union, Integer column) {
        // Branches of a union usually share a key domain (store_sales and store_returns by store: 12, not 24, nor their rows).
        return union.inputs().stream().mapToDouble(input -> estimator.distinctValues(input, column)).max()
                .orElse(estimator.rows(union));
    }

    @Override
    public Double visitValues(ValuesNode values, Integer column) {
        return rowsOf(values);
    }

    @Override
    public Double visitAggregate(AggregateNode aggregate, Integer column) {
        return rowsOf(aggregate);
    }

    @Override
    public Double visitSort(SortNode sort, Integer column) {
        return rowsOf(sort);
    }

    @Override
    public Double visitTopN(TopNNode topN, Integer column) {
        return rowsOf(topN);
    }

    @Override
    public Double visitTableWriter(TableWriterNode writer, Integer column) {
        return rowsOf(writer);
    }

    @Override
    public Double visitLimit(LimitNode limit, Integer column) {
        return rowsOf(limit);
    }

    @Override
    public Double visitRemoteSource(RemoteSourceNode remote, Integer column) {
        return rowsOf(remote);
    }

    @Override
    public Double visitWindow(WindowNode window, Integer column) {
        return rowsOf(window);
    }

    @Override
    public Double visitDynamicFilter(DynamicFilterNode filter, Integer column) {
        return rowsOf(filter);
    }

    private double rowsOf(PlanNode node) {
        return estimator.rows(node);
    }
}
