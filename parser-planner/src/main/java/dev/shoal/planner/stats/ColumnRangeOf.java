package dev.shoal.planner.stats;

import dev.shoal.core.catalog.ColumnStatistics;
import dev.shoal.core.expr.InputRef;
import dev.shoal.core.plan.AggregateNode;
import dev.shoal.core.plan.DynamicFilterNode;
import dev.shoal.core.plan.ExchangeNode;
import dev.shoal.core.plan.FilterNode;
import dev.shoal.core.plan.JoinNode;
import dev.shoal.core.plan.LimitNode;
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
 * The footer statistics behind an output column (the context), when the column is a table column
 * passed through unchanged by filters, exchanges, projections and joins; null otherwise.
 */
final class ColumnRangeOf implements PlanVisitor<FilterSelectivity.ColumnRange, Integer> {
    private final BiFunction<TableScanNode, Integer, ColumnStatistics> scanStatistics;

    ColumnRangeOf(BiFunction<TableScanNode, Integer, ColumnStatistics> scanStatistics) {
        this.scanStatistics = scanStatistics;
    }

    @Override
    public FilterSelectivity.ColumnRange visitTableScan(TableScanNode scan, Integer column) {
        ColumnStatistics stats = scanStatistics.apply(scan, column);
        return stats == null ? null : new FilterSelectivity.ColumnRange(stats, scan.columns().get(column).type());
    }

    @Override
    public FilterSelectivity.ColumnRange visitFilter(FilterNode filter, Integer column) {
        return filter.input().accept(this, column);
    }

    @Override
    public FilterSelectivity.ColumnRange visitExchange(ExchangeNode exchange, Integer column) {
        return exchange.input().accept(this, column);
    }

    @Override
    public FilterSelectivity.ColumnRange visitProject(ProjectNode project, Integer column) {
        return project.projections().get(column) instanceof InputRef ref ? project.input().accept(this, ref.index()) : null;
    }

    @Override
    public FilterSelectivity.ColumnRange visitJoin(JoinNode join, Integer column) {
        int leftWidth = join.left().outputTypes().size();
        return column < leftWidth ? join.left().accept(this, column) : join.right().accept(this, column - leftWidth);
    }

    @Override
    public FilterSelectivity.ColumnRange visitValues(ValuesNode values, Integer column) {
        return null;
    }

    @Override
    public FilterSelectivity.ColumnRange visitAggregate(AggregateNode aggregate, Integer column) {
        return null;
    }

    @Override
    public FilterSelectivity.ColumnRange visitSort(SortNode sort, Integer column) {
        return null;
    }

    @Override
    public FilterSelectivity.ColumnRange visitTopN(TopNNode topN, Integer column) {
        return null;
    }

    @Override
    public FilterSelectivity.ColumnRange visitTableWriter(TableWriterNode writer, Integer column) {
        return null;
    }

    @Override
    public FilterSelectivity.ColumnRange visitLimit(LimitNode limit, Integer column) {
        return null;
    }

    @Override
    public FilterSelectivity.ColumnRange visitRemoteSource(RemoteSourceNode remote, Integer column) {
        return null;
    }

    @Override
    public FilterSelectivity.ColumnRange visitUnion(UnionNode union, Integer column) {
        return null;
    }

    @Override
    public FilterSelectivity.ColumnRange visitWindow(WindowNode window, Integer column) {
        return null;
    }

    @Override
    public FilterSelectivity.ColumnRange visitDynamicFilter(DynamicFilterNode filter, Integer column) {
        return null;
    }
}
