package dev.shoal.coordinator.query;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.plan.PlanNode;
import dev.shoal.core.plan.Split;
import dev.shoal.core.plan.TableScanNode;
import dev.shoal.parquet.catalog.Catalog;
import dev.shoal.parquet.catalog.TableDefinition;
import dev.shoal.parquet.catalog.TableFiles;
import dev.shoal.parquet.store.ObjectInfo;
import dev.shoal.parquet.store.ObjectStore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives each scan task its share of the table's Parquet files, balanced by bytes: files are
 * taken largest first and each goes to the task with the fewest bytes so far. One listing per
 * table per query.
 */
public final class SplitAssigner {
    private final Catalog catalog;
    private final ObjectStore store;
    private final Map<String, List<Split>> listed = new HashMap<>();

    public SplitAssigner(Catalog catalog, ObjectStore store) {
        this.catalog = catalog;
        this.store = store;
    }

    /** The tree with every scan holding the files of task {@code taskIndex} of {@code taskCount}. */
    public PlanNode assign(PlanNode node, int taskIndex, int taskCount) {
        if (node instanceof TableScanNode scan) {
            return scan.withSplits(share(splitsOf(scan.table()), taskIndex, taskCount));
        }
        return node.inputs().isEmpty() ? node
                : node.withInputs(node.inputs().stream().map(input -> assign(input, taskIndex, taskCount)).toList());
    }

    static List<Split> share(List<Split> splits, int taskIndex, int taskCount) {
        List<Split> sorted = new ArrayList<>(splits);
        sorted.sort(Comparator.comparingLong(Split::length).reversed().thenComparing(Split::uri));
        long[] load = new long[taskCount];
        List<Split> mine = new ArrayList<>();
        for (Split split : sorted) {
            int target = 0;
            for (int t = 1; t < taskCount; t++) {
                if (load[t] < load[target]) {
                    target = t;
                }
            }
            load[target] += split.length();
            if (target == taskIndex) {
                mine.add(split);
            }
        }
        return mine;
    }

    private List<Split> splitsOf(String qualifiedName) {
        return listed.computeIfAbsent(qualifiedName, name -> {
            TableDefinition table = catalog.table(name)
                    .orElseThrow(() -> new ShoalException(ErrorCode.UNKNOWN_TABLE, "table " + name + " no longer exists"));
            List<Split> splits = new ArrayList<>();
            for (ObjectInfo file : TableFiles.list(store, table)) {
                splits.add(new Split(file.location().toString(), file.length()));
            }
            return splits;
        });
    }
}
