package dev.shoal.planner;

import dev.shoal.core.plan.AggregateNode;
import dev.shoal.core.plan.FilterNode;
import dev.shoal.core.plan.LimitNode;
import dev.shoal.core.plan.PlanNode;
import dev.shoal.core.plan.ProjectNode;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.core.plan.SortNode;
import dev.shoal.core.plan.TableScanNode;
import dev.shoal.core.plan.TopNNode;
import dev.shoal.core.plan.ValuesNode;

import java.util.ArrayList;
import java.util.List;

/** EXPLAIN text: one line per plan node, indented by depth. Prints names and expressions only, never credentials. */
public final class PlanPrinter {
    private PlanPrinter() {
    }

    public static List<String> lines(PlanNode root) {
        List<String> out = new ArrayList<>();
        print(root, 0, out);
        return out;
    }

    private static void print(PlanNode node, int depth, List<String> out) {
        out.add("  ".repeat(depth) + "- " + describe(node));
        for (PlanNode input : node.inputs()) {
            print(input, depth + 1, out);
        }
    }

    private static String describe(PlanNode node) {
        if (node instanceof TableScanNode scan) {
            return "TableScan[" + scan.table() + "] columns=" + scan.columns().stream().map(ScanColumn::name).toList()
                    + (scan.splits().isEmpty() ? "" : " files=" + scan.splits().size());
        }
        if (node instanceof ValuesNode values) {
            return "Values rows=" + values.rows().size();
        }
        if (node instanceof FilterNode filter) {
            return "Filter " + filter.predicate();
        }
        if (node instanceof ProjectNode project) {
            return "Project " + project.projections();
        }
        if (node instanceof AggregateNode aggregate) {
            return "Aggregate keys=" + aggregate.groupKeys() + " aggregates=" + aggregate.aggregates().stream()
                    .map(a -> a.function().name().toLowerCase() + (a.distinct() ? "(distinct " : "(") + a.arguments() + ")").toList();
        }
        if (node instanceof SortNode sort) {
            return "Sort " + sort.keys();
        }
        if (node instanceof TopNNode topN) {
            return "TopN count=" + topN.count() + " " + topN.keys();
        }
        LimitNode limit = (LimitNode) node;
        return "Limit offset=" + limit.offset() + " count=" + limit.count();
    }
}
