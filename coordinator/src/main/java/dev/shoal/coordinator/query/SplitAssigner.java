package dev.shoal.coordinator.query;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.plan.AggregateNode;
import dev.shoal.core.plan.FilterNode;
import dev.shoal.core.plan.LimitNode;
import dev.shoal.core.plan.PlanNode;
import dev.shoal.core.plan.ProjectNode;
import dev.shoal.core.plan.SortNode;
import dev.shoal.core.plan.Split;
import dev.shoal.core.plan.TableScanNode;
import dev.shoal.core.plan.TopNNode;
import dev.shoal.core.plan.ValuesNode;
import dev.shoal.parquet.catalog.Catalog;
import dev.shoal.parquet.catalog.TableDefinition;
import dev.shoal.parquet.store.Location;
import dev.shoal.parquet.store.ObjectInfo;
import dev.shoal.parquet.store.ObjectStore;

import java.util.ArrayList;
import java.util.List;

/**
 * Gives each scan the Parquet files of its table: every object under the table's location whose
 * name does not start with '_' or '.' (Hive and Spark marker files).
 */
public final class SplitAssigner {
    private final Catalog catalog;
    private final ObjectStore store;

    public SplitAssigner(Catalog catalog, ObjectStore store) {
        this.catalog = catalog;
        this.store = store;
    }

    public PlanNode assign(PlanNode node) {
        if (node instanceof TableScanNode scan) {
            return scan.withSplits(splitsOf(scan.table()));
        }
        if (node instanceof ValuesNode) {
            return node;
        }
        if (node instanceof FilterNode f) {
            return new FilterNode(assign(f.input()), f.predicate());
        }
        if (node instanceof ProjectNode p) {
            return new ProjectNode(assign(p.input()), p.projections());
        }
        if (node instanceof AggregateNode a) {
            return new AggregateNode(assign(a.input()), a.groupKeys(), a.aggregates());
        }
        if (node instanceof SortNode s) {
            return new SortNode(assign(s.input()), s.keys());
        }
        if (node instanceof TopNNode t) {
            return new TopNNode(assign(t.input()), t.keys(), t.count());
        }
        LimitNode l = (LimitNode) node;
        return new LimitNode(assign(l.input()), l.offset(), l.count());
    }

    private List<Split> splitsOf(String qualifiedName) {
        int dot = qualifiedName.indexOf('.');
        TableDefinition table = catalog.table(qualifiedName.substring(0, dot), qualifiedName.substring(dot + 1))
                .orElseThrow(() -> new ShoalException(ErrorCode.UNKNOWN_TABLE, "table " + qualifiedName + " no longer exists"));
        List<Split> splits = new ArrayList<>();
        for (ObjectInfo object : store.list(Location.parse(table.location()))) {
            String key = object.location().key();
            String name = key.substring(key.lastIndexOf('/') + 1);
            if (!name.startsWith("_") && !name.startsWith(".") && object.length() > 0) {
                splits.add(new Split(object.location().toString(), object.length()));
            }
        }
        return splits;
    }
}
