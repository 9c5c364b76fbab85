package dev.shoal.planner.distribute;

import dev.shoal.core.expr.InputRef;
import dev.shoal.core.plan.AggregateNode;
import dev.shoal.core.plan.DynamicFilterNode;
import dev.shoal.core.plan.DynamicFilterTarget;
import dev.shoal.core.plan.ExchangeNode;
import dev.shoal.core.plan.FilterNode;
import dev.shoal.core.plan.JoinNode;
import dev.shoal.core.plan.JoinType;
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
import dev.shoal.core.type.TypeKind;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Follows a join's probe keys down its probe side to the table scans they come from and puts a
 * {@link DynamicFilterNode} above each. A key is followed through projections that pass it on
 * unchanged, filters, exchanges, the group keys of aggregations, every branch of a UNION ALL and
 * the preserved side of inner, left, semi and anti joins: along that path a row dropped for its key value could not have
 * joined above either. Only integral, date and short decimal keys of the same type on both sides
 * are filtered, the values the executor checks without hashing.
 */
final class DynamicFilterPlacer implements PlanVisitor<PlanNode, List<DynamicFilterPlacer.Key>> {
    private final int filterId;
    private final Predicate<TableScanNode> worthFiltering;

    private DynamicFilterPlacer(int filterId, Predicate<TableScanNode> worthFiltering) {
        this.filterId = filterId;
        this.worthFiltering = worthFiltering;
    }

    /** A probe key to follow: build key {@code keyIndex} is looked for in {@code column} of the current node. */
    record Key(int keyIndex, int column) {
    }

    /**
     * The probe side with filters placed, or null when no key reaches a scan. Only the scans
     * {@code worthFiltering} accepts get one: a small table is read faster than its scan would
     * wait for the build side.
     */
    static PlanNode place(PlanNode probe, JoinNode join, int filterId, Predicate<TableScanNode> worthFiltering) {
        List<Key> keys = new ArrayList<>();
        List<DataType> probeTypes = join.left().outputTypes();
        List<DataType> buildTypes = join.right().outputTypes();
        for (int k = 0; k < join.leftKeys().size(); k++) {
            DataType probeType = probeTypes.get(join.leftKeys().get(k));
            if (probeType.equals(buildTypes.get(join.rightKeys().get(k))) && filterable(probeType)) {
                keys.add(new Key(k, join.leftKeys().get(k)));
            }
        }
        if (keys.isEmpty()) {
            return null;
        }
        DynamicFilterPlacer placer = new DynamicFilterPlacer(filterId, worthFiltering);
        PlanNode placed = placer.follow(probe, keys);
        return placed == probe ? null : placed;
    }

    static boolean joinCanFilter(JoinType type) {
        return type == JoinType.INNER || type == JoinType.SEMI;
    }

    private static boolean filterable(DataType type) {
        return (type.kind() == TypeKind.INTEGER || type.kind() == TypeKind.BIGINT || type.kind() == TypeKind.DATE
                || type.kind() == TypeKind.DECIMAL) && !type.isWideDecimal();
    }

    private PlanNode follow(PlanNode node, List<Key> keys) {
        return keys.isEmpty() ? node : node.accept(this, keys);
    }

    @Override
    public PlanNode visitTableScan(TableScanNode scan, List<Key> keys) {
        return worthFiltering.test(scan) ? new DynamicFilterNode(scan, targets(keys)) : scan;
    }

    @Override
    public PlanNode visitDynamicFilter(DynamicFilterNode filtered, List<Key> keys) {
        if (filtered.input() instanceof TableScanNode) {
            List<DynamicFilterTarget> targets = new ArrayList<>(filtered.targets());
            targets.addAll(targets(keys));
            return new DynamicFilterNode(filtered.input(), targets);
        }
        return replaceInput(filtered, follow(filtered.input(), keys));
    }

    @Override
    public PlanNode visitFilter(FilterNode filter, List<Key> keys) {
        return replaceInput(filter, follow(filter.input(), keys));
    }

    @Override
    public PlanNode visitExchange(ExchangeNode exchange, List<Key> keys) {
        return replaceInput(exchange, follow(exchange.input(), keys));
    }

    @Override
    public PlanNode visitProject(ProjectNode project, List<Key> keys) {
        List<Key> below = new ArrayList<>();
        for (Key key : keys) {
            if (project.projections().get(key.column()) instanceof InputRef ref) {
                below.add(new Key(key.keyIndex(), ref.index()));
            }
        }
        return replaceInput(project, follow(project.input(), below));
    }

    @Override
    public PlanNode visitAggregate(AggregateNode aggregate, List<Key> keys) {
        List<Key> below = new ArrayList<>();
        for (Key key : keys) {
            if (key.column() < aggregate.groupKeys().size()) {
                below.add(new Key(key.keyIndex(), aggregate.groupKeys().get(key.column())));
            }
        }
        return replaceInput(aggregate, follow(aggregate.input(), below));
    }

    @Override
    public PlanNode visitJoin(JoinNode join, List<Key> keys) {
        return throughJoin(join, keys);
    }

    // A row of these may stand for others (a sort's or a limit's neighbours, a window's partition,
    // a remote fragment's rows): their keys are not followed further.

    @Override
    public PlanNode visitValues(ValuesNode values, List<Key> keys) {
        return values;
    }

    @Override
    public PlanNode visitSort(SortNode sort, List<Key> keys) {
        return sort;
    }

    @Override
    public PlanNode visitTopN(TopNNode topN, List<Key> keys) {
        return topN;
    }

    @Override
    public PlanNode visitTableWriter(TableWriterNode writer, List<Key> keys) {
        return writer;
    }

    @Override
    public PlanNode visitLimit(LimitNode limit, List<Key> keys) {
        return limit;
    }

    @Override
    public PlanNode visitRemoteSource(RemoteSourceNode remote, List<Key> keys) {
        return remote;
    }

    /** Each branch of a UNION ALL passes its rows on one by one: a row dropped for its key could not have joined either. */
    @Override
    public PlanNode visitUnion(UnionNode union, List<Key> keys) {
        List<PlanNode> inputs = union.inputs().stream().map(input -> follow(input, keys)).toList();
        boolean changed = false;
        for (int i = 0; i < inputs.size(); i++) {
            changed |= inputs.get(i) != union.inputs().get(i);
        }
        return changed ? union.withInputs(inputs) : union;
    }

    @Override
    public PlanNode visitWindow(WindowNode window, List<Key> keys) {
        return window;
    }

    /** Left columns of a join that keeps only matched left rows or all of them; right columns of an inner join. */
    private PlanNode throughJoin(JoinNode join, List<Key> keys) {
        int leftWidth = join.left().outputTypes().size();
        List<Key> left = new ArrayList<>();
        List<Key> right = new ArrayList<>();
        for (Key key : keys) {
            if (key.column() < leftWidth) {
                left.add(key);
            } else if (join.joinType() == JoinType.INNER) {
                right.add(new Key(key.keyIndex(), key.column() - leftWidth));
            }
        }
        boolean leftPreserved = join.joinType() == JoinType.INNER || join.joinType() == JoinType.LEFT
                || join.joinType() == JoinType.SEMI || join.joinType() == JoinType.ANTI;
        PlanNode newLeft = leftPreserved ? follow(join.left(), left) : join.left();
        // A build side whose join filters its probe side's scans in turn is worth filtering however
        // small its tables: the weeks of one year cut date_dim, date_dim then cuts the sales (TPC-DS q02).
        PlanNode newRight = join.dynamicFilterId() != JoinNode.NO_DYNAMIC_FILTER
                ? new DynamicFilterPlacer(filterId, scan -> true).follow(join.right(), right) : follow(join.right(), right);
        return newLeft == join.left() && newRight == join.right() ? join : join.withInputs(List.of(newLeft, newRight));
    }

    private List<DynamicFilterTarget> targets(List<Key> keys) {
        return keys.stream().map(key -> new DynamicFilterTarget(filterId, key.keyIndex(), key.column())).toList();
    }

    private static PlanNode replaceInput(PlanNode node, PlanNode input) {
        return input == node.inputs().get(0) ? node : node.withInputs(List.of(input));
    }
}
