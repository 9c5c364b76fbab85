package dev.shoal.planner;

import dev.shoal.core.plan.AggregateNode;
import dev.shoal.core.plan.AggregateStep;
import dev.shoal.core.plan.DynamicFilterNode;
import dev.shoal.core.plan.ExchangeKind;
import dev.shoal.core.plan.ExchangeNode;
import dev.shoal.core.plan.FilterNode;
import dev.shoal.core.plan.JoinNode;
import dev.shoal.core.plan.LimitNode;
import dev.shoal.core.plan.PlanNode;
import dev.shoal.core.plan.PlanVisitor;
import dev.shoal.core.plan.ProjectNode;
import dev.shoal.core.plan.RemoteSourceNode;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.core.plan.SortNode;
import dev.shoal.core.plan.TableScanNode;
import dev.shoal.core.plan.TableWriterNode;
import dev.shoal.core.plan.TopNNode;
import dev.shoal.core.plan.UnionNode;
import dev.shoal.core.plan.ValuesNode;
import dev.shoal.core.plan.WindowNode;
import dev.shoal.planner.distribute.Fragment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

    /** The distributed plan, fragment by fragment, as EXPLAIN shows it. */
    public static List<String> fragmentLines(List<Fragment> fragments) {
        List<String> out = new ArrayList<>();
        for (Fragment fragment : fragments) {
            out.add("Fragment " + fragment.id() + " [" + fragment.partitioning() + "]"
                    + (fragment.id() == 0 ? "" : " output: " + exchangeName(fragment.outputKind(), fragment.outputKeys())
                    + " to fragment " + consumerOf(fragments, fragment.id()) + ", est. rows=" + fragment.estimatedOutputRows()));
            for (String line : lines(fragment.root())) {
                out.add("  " + line);
            }
        }
        return out;
    }

    private static int consumerOf(List<Fragment> fragments, int id) {
        return fragments.stream().filter(f -> f.sourceFragmentIds().contains(id)).mapToInt(Fragment::id).findFirst().orElse(-1);
    }

    public static String exchangeName(ExchangeKind kind, List<Integer> keys) {
        return kind == ExchangeKind.HASH ? "HASH" + keys.stream().map(k -> "$" + k).toList() : kind.name();
    }

    private static String describe(PlanNode node) {
        return node.accept(DESCRIBER, null);
    }

    private static final PlanVisitor<String, Void> DESCRIBER = new PlanVisitor<>() {
        @Override
        public String visitTableScan(TableScanNode scan, Void context) {
            return "TableScan[" + scan.table() + "] columns=" + scan.columns().stream().map(ScanColumn::name).toList()
                    + (scan.partitions() == null ? "" : " " + scan.partitions().describe())
                    + (scan.splits().isEmpty() ? "" : " splits=" + scan.splits().size());
        }

        @Override
        public String visitValues(ValuesNode values, Void context) {
            return "Values rows=" + values.rows().size();
        }

        @Override
        public String visitFilter(FilterNode filter, Void context) {
            return "Filter " + filter.predicate();
        }

        @Override
        public String visitProject(ProjectNode project, Void context) {
            return "Project " + project.projections();
        }

        @Override
        public String visitJoin(JoinNode join, Void context) {
            return "Join[" + join.joinType() + (join.distribution() == null ? "" : ", " + join.distribution()) + "]"
                    + " keys=" + join.leftKeys() + "=" + join.rightKeys() + (join.filter() == null ? "" : " filter=" + join.filter())
                    + (join.dynamicFilterId() == JoinNode.NO_DYNAMIC_FILTER ? "" : " publishes df" + join.dynamicFilterId());
        }

        @Override
        public String visitDynamicFilter(DynamicFilterNode filter, Void context) {
            return "DynamicFilter " + filter.targets().stream()
                    .map(target -> "$" + target.column() + " in df" + target.filterId() + "[" + target.keyIndex() + "]").toList();
        }

        @Override
        public String visitExchange(ExchangeNode exchange, Void context) {
            return "Exchange[" + exchangeName(exchange.kind(), exchange.keys()) + "] est. rows=" + exchange.estimatedRows();
        }

        @Override
        public String visitWindow(WindowNode window, Void context) {
            return "Window partition=" + window.partitionKeys() + " order=" + window.orderKeys() + " calls=" + window.calls().stream()
                    .map(c -> c.function().name().toLowerCase(Locale.ROOT) + c.arguments()).toList();
        }

        @Override
        public String visitUnion(UnionNode union, Void context) {
            return "Union[ALL]";
        }

        @Override
        public String visitRemoteSource(RemoteSourceNode remote, Void context) {
            return "RemoteSource[fragment " + remote.sourceFragmentId() + ", " + remote.kind() + "]";
        }

        @Override
        public String visitAggregate(AggregateNode aggregate, Void context) {
            return "Aggregate" + (aggregate.step() == AggregateStep.SINGLE ? "" : "(" + aggregate.step() + ")") + " keys="
                    + aggregate.groupKeys() + " aggregates=" + aggregate.aggregates().stream()
                    .map(a -> a.function().name().toLowerCase(Locale.ROOT) + (a.distinct() ? "(distinct " : "(") + a.arguments() + ")").toList();
        }

        @Override
        public String visitSort(SortNode sort, Void context) {
            return "Sort " + sort.keys();
        }

        @Override
        public String visitTopN(TopNNode topN, Void context) {
            return "TopN count=" + topN.count() + " " + topN.keys();
        }

        @Override
        public String visitTableWriter(TableWriterNode writer, Void context) {
            return "TableWriter " + writer.location() + " " + writer.compression() + " columns="
                    + writer.columns().stream().map(ScanColumn::name).toList();
        }

        @Override
        public String visitLimit(LimitNode limit, Void context) {
            return "Limit offset=" + limit.offset() + " count=" + limit.count();
        }
    };
}
