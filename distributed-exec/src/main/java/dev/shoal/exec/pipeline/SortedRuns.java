package dev.shoal.exec.pipeline;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.plan.SortKey;
import dev.shoal.core.type.DataType;
import dev.shoal.exec.memory.OperatorMemory;
import dev.shoal.exec.operator.Batches;
import dev.shoal.exec.operator.RowComparator;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;

/**
 * The sorted runs of a parallel sort, one per driver of the sorting pipeline, merged into one
 * ordered stream once the last run is in: a k-way merge, so each row is compared with the heads
 * of the other runs only.
 */
public final class SortedRuns {
    static final int OUTPUT_BATCH_ROWS = 8192;

    private final List<SortKey> keys;
    private final List<DataType> types;
    private final OperatorMemory memory;
    private final List<Batch> runs = new ArrayList<>();
    private final CompletableFuture<Void> complete = new CompletableFuture<>();
    private int runsLeft;
    private long heldBytes;

    public SortedRuns(int runs, List<SortKey> keys, List<DataType> types, OperatorMemory memory) {
        this.runsLeft = runs;
        this.keys = keys;
        this.types = types;
        this.memory = memory;
    }

    /** One driver's run, in order. */
    void addRun(List<Batch> run) {
        synchronized (this) {
            if (!run.isEmpty()) {
                Batch rows = Batches.concat(run, types);
                runs.add(rows);
                heldBytes += rows.retainedBytes();
                memory.setBytes(heldBytes);
            }
            if (--runsLeft > 0) {
                return;
            }
        }
        complete.complete(null);
    }

    CompletableFuture<Void> complete() {
        return complete;
    }

    /** The merged rows, in output batches; called once, after every run is in. */
    synchronized List<Batch> merge() {
        if (runs.isEmpty()) {
            return List.of();
        }
        List<Batch> all = List.copyOf(runs);
        runs.clear();
        if (all.size() == 1) {
            return Batches.split(all.get(0), OUTPUT_BATCH_ROWS);
        }
        Batch rows = Batches.concat(all, types);
        int[] starts = new int[all.size() + 1];
        for (int r = 0; r < all.size(); r++) {
            starts[r + 1] = starts[r] + all.get(r).rowCount();
        }
        RowComparator comparator = new RowComparator(rows, keys);
        // Heads of the runs, as positions in rows; ties go to the earlier run, keeping the merge stable.
        PriorityQueue<int[]> heads = new PriorityQueue<>((a, b) -> {
            int order = comparator.compare(a[0], b[0]);
            return order != 0 ? order : Integer.compare(a[1], b[1]);
        });
        for (int r = 0; r < all.size(); r++) {
            if (starts[r] < starts[r + 1]) {
                heads.add(new int[] {starts[r], r});
            }
        }
        int[] order = new int[rows.rowCount()];
        int n = 0;
        while (!heads.isEmpty()) {
            int[] head = heads.poll();
            order[n++] = head[0];
            if (++head[0] < starts[head[1] + 1]) {
                heads.add(head);
            }
        }
        return Batches.split(rows.take(order, n), OUTPUT_BATCH_ROWS);
    }

    synchronized void release() {
        runs.clear();
        heldBytes = 0;
        memory.free();
    }
}
