package dev.shoal.coordinator.query;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.plan.PlanNode;
import dev.shoal.core.plan.Split;
import dev.shoal.core.plan.TableScanNode;
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
        return node.inputs().isEmpty() ? node : node.withInputs(node.inputs().stream().map(this::assign).toList());
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
