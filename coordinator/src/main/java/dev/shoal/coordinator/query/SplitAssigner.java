package dev.shoal.coordinator.query;

import dev.shoal.core.catalog.Catalog;
import dev.shoal.core.catalog.Partition;
import dev.shoal.core.catalog.TableDefinition;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.plan.PartitionSelection;
import dev.shoal.core.plan.PlanNode;
import dev.shoal.core.plan.Split;
import dev.shoal.core.plan.TableScanNode;
import dev.shoal.parquet.catalog.TableFiles;
import dev.shoal.parquet.store.ObjectStore;
import io.airlift.units.DataSize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Gives each scan task its share of the table's Parquet files, balanced by bytes: files are
 * taken largest first and each goes to the task with the fewest bytes so far. A table with fewer
 * files than tasks is cut into byte ranges (each reads the row groups whose middle falls in it),
 * so that one large file still keeps every worker busy. One listing per scan per query (of the partitions it kept, for a partitioned table), all of a query's scans at once.
 */
public final class SplitAssigner {
    static final long MIN_RANGE_BYTES = 4L << 20;
    private final Catalog catalog;
    private final ObjectStore store;
    /** By scan without its splits: two scans of a table read the same files unless their partitions differ. */
    private final Map<TableScanNode, List<Split>> listed = new ConcurrentHashMap<>();
    /** Splits given to tasks so far: the query's total once every task is assigned. */
    private int assigned;

    /**
     * Splits cut per driver, when a table's files allow: drivers take splits from a shared queue, and with
     * one split each, the driver given the slower file finishes alone (TPC-H Q1 on two drivers used 1.55
     * cores of 2). Each extra range costs a footer, from the worker's footer cache after the first.
     */
    static final int SPLITS_PER_DRIVER = 4;
    /** How many drivers each scan task runs: a table is cut into at least as many splits per task, when its files allow. */
    private final int driversPerTask;

    public SplitAssigner(Catalog catalog, ObjectStore store) {
        this(catalog, store, 1);
    }

    public SplitAssigner(Catalog catalog, ObjectStore store, int driversPerTask) {
        this.catalog = catalog;
        this.store = store;
        this.driversPerTask = Math.max(1, driversPerTask);
    }

    /**
     * Lists the files of every table the plans scan, the tables at once on {@code executor}:
     * a listing is a round trip to the object store, and a join of eight tables waited for eight.
     */
    public void list(List<PlanNode> plans, Executor executor) {
        Set<TableScanNode> scans = new LinkedHashSet<>();
        plans.forEach(plan -> collectScans(plan, scans));
        try {
            CompletableFuture.allOf(scans.stream()
                    .map(scan -> CompletableFuture.runAsync(() -> splitsOf(scan), executor))
                    .toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    int assignedSplits() {
        return assigned;
    }

    /**
     * Athena's scan cutoff, before anything is read: the listed files' bytes (what the scans may read
     * at most; a scan reads only its columns' chunks of them) against the session's query_max_scan_size.
     */
    void checkScanLimit(long limitBytes) {
        List<Split> files = listed.values().stream().flatMap(List::stream).toList();
        long bytes = files.stream().mapToLong(Split::bytes).sum();
        if (bytes > limitBytes) {
            throw new ShoalException(ErrorCode.EXCEEDED_SCAN_LIMIT, "Query would scan " + DataSize.succinctBytes(bytes) + " (" + bytes
                    + " bytes in " + files.size() + " files), more than query_max_scan_size " + DataSize.succinctBytes(limitBytes)
                    + " allows; filter on partition columns to read less, or SET SESSION query_max_scan_size");
        }
    }

    private static void collectScans(PlanNode node, Set<TableScanNode> into) {
        if (node instanceof TableScanNode scan) {
            into.add(scan);
        }
        node.inputs().forEach(input -> collectScans(input, into));
    }

    /** The most splits a scan of the tree has when cut for {@code taskCount} tasks; 0 for a tree without scans. */
    public int maxSplits(PlanNode node, int taskCount) {
        Set<TableScanNode> scans = new LinkedHashSet<>();
        collectScans(node, scans);
        return scans.stream().mapToInt(scan -> cut(splitsOf(scan), taskCount * driversPerTask * SPLITS_PER_DRIVER).size()).max().orElse(0);
    }

    /** The tree with every scan holding the files of task {@code taskIndex} of {@code taskCount}. */
    public PlanNode assign(PlanNode node, int taskIndex, int taskCount) {
        if (node instanceof TableScanNode scan) {
            List<Split> mine = share(cut(splitsOf(scan), taskCount * driversPerTask * SPLITS_PER_DRIVER), taskIndex, taskCount);
            assigned += mine.size();
            // The partition selection stays on the coordinator: the splits carry what a task needs of it.
            return scan.withSplits(mine).withPartitions(null);
        }
        return node.inputs().isEmpty() ? node
                : node.withInputs(node.inputs().stream().map(input -> assign(input, taskIndex, taskCount)).toList());
    }

    /**
     * Whole files when there are at least {@code pieces}; otherwise each file cut into ranges in
     * proportion to its size, about {@code pieces} in all (one per driver of every task). Files under {@link #MIN_RANGE_BYTES}
     * stay whole: a range costs a footer read and holds at least one row group to be worth it.
     */
    static List<Split> cut(List<Split> files, int wanted) {
        if (files.size() >= wanted || wanted < 2) {
            return files;
        }
        long total = files.stream().mapToLong(Split::length).sum();
        List<Split> out = new ArrayList<>();
        for (Split file : files) {
            int pieces = (int) Math.min(Math.ceil((double) wanted * file.length() / Math.max(total, 1)),
                    file.length() / MIN_RANGE_BYTES);
            if (pieces <= 1) {
                out.add(file);
                continue;
            }
            long step = file.length() / pieces;
            for (int p = 0; p < pieces; p++) {
                long start = p * step;
                long end = p == pieces - 1 ? file.length() : start + step;
                out.add(file.withRange(start, end));
            }
        }
        return out;
    }

    static List<Split> share(List<Split> splits, int taskIndex, int taskCount) {
        List<Split> sorted = new ArrayList<>(splits);
        sorted.sort(Comparator.comparingLong(Split::bytes).reversed().thenComparing(Split::uri).thenComparingLong(Split::start));
        long[] load = new long[taskCount];
        List<Split> mine = new ArrayList<>();
        for (Split split : sorted) {
            int target = 0;
            for (int t = 1; t < taskCount; t++) {
                if (load[t] < load[target]) {
                    target = t;
                }
            }
            load[target] += split.bytes();
            if (target == taskIndex) {
                mine.add(split);
            }
        }
        return mine;
    }

    private List<Split> splitsOf(TableScanNode scan) {
        return listed.computeIfAbsent(scan.withSplits(List.of()), key -> {
            TableDefinition table = catalog.table(scan.table())
                    .orElseThrow(() -> new ShoalException(ErrorCode.UNKNOWN_TABLE, "table " + scan.table() + " no longer exists"));
            return TableFiles.splits(store, table, keptPartitions(table, scan.partitions()));
        });
    }

    /** The partitions the pruner kept, as the catalog has them now; all of them for a scan it did not see. */
    private static List<Partition> keptPartitions(TableDefinition table, PartitionSelection selection) {
        if (selection == null) {
            return table.partitions();
        }
        Set<List<String>> kept = new HashSet<>(selection.kept());
        return table.partitions().stream().filter(p -> kept.contains(p.values())).toList();
    }
}
