package dev.shoal.planner.distribute;

import dev.shoal.core.plan.AggregateNode;
import dev.shoal.core.plan.ExchangeNode;
import dev.shoal.core.plan.FilterNode;
import dev.shoal.core.plan.JoinNode;
import dev.shoal.core.plan.LimitNode;
import dev.shoal.core.plan.PlanNode;
import dev.shoal.core.plan.TableScanNode;
import dev.shoal.core.plan.TopNNode;
import dev.shoal.core.plan.ValuesNode;
import dev.shoal.core.type.DataType;
import dev.shoal.parquet.stats.TableStatistics;

import java.util.List;
import java.util.function.Function;

/**
 * Row and size estimates for choosing join distributions: table row counts from Parquet footers,
 * fixed selectivities above them (a filter keeps a quarter, a foreign-key join keeps the larger
 * side, a grouping keeps a tenth). Crude, but it orders tables by size, which is what broadcast
 * decisions need.
 */
final class CardinalityEstimator {
    private static final double FILTER_SELECTIVITY = 0.25;
    private static final double GROUPING_REDUCTION = 0.1;
    private static final long UNKNOWN_TABLE_ROWS = 1_000_000;

    private final Function<String, TableStatistics> statistics;

    CardinalityEstimator(Function<String, TableStatistics> statistics) {
        this.statistics = statistics;
    }

    double rows(PlanNode node) {
        if (node instanceof TableScanNode scan) {
            TableStatistics stats = statistics.apply(scan.table());
            return stats.known() ? stats.rowCount() : UNKNOWN_TABLE_ROWS;
        }
        if (node instanceof ValuesNode values) {
            return values.rows().size();
        }
        if (node instanceof FilterNode filter) {
            return Math.max(1, rows(filter.input()) * FILTER_SELECTIVITY);
        }
        if (node instanceof AggregateNode aggregate) {
            return aggregate.groupKeys().isEmpty() ? 1 : Math.max(1, rows(aggregate.input()) * GROUPING_REDUCTION);
        }
        if (node instanceof JoinNode join) {
            double left = rows(join.left());
            double right = rows(join.right());
            return switch (join.joinType()) {
                case SEMI, ANTI -> left * 0.5;
                case LEFT -> Math.max(left, join.leftKeys().isEmpty() ? left * right : left);
                case RIGHT -> Math.max(right, left);
                case FULL -> left + right;
                case INNER -> join.leftKeys().isEmpty()
                        ? left * right * (join.filter() == null ? 1 : FILTER_SELECTIVITY) : Math.max(left, right);
            };
        }
        if (node instanceof TopNNode topN) {
            return Math.min(topN.count(), rows(topN.input()));
        }
        if (node instanceof LimitNode limit) {
            return limit.count() < 0 ? rows(limit.input()) : Math.min(limit.count(), rows(limit.input()));
        }
        if (node instanceof ExchangeNode exchange) {
            return rows(exchange.input());
        }
        List<PlanNode> inputs = node.inputs();
        return inputs.isEmpty() ? 1 : rows(inputs.get(0));
    }

    double bytes(PlanNode node) {
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
