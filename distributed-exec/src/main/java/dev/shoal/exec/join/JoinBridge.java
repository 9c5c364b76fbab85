package dev.shoal.exec.join;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.VectorBuilder;
import dev.shoal.core.plan.JoinNode;
import dev.shoal.core.type.DataType;
import dev.shoal.exec.dynamicfilter.DynamicFilterPublisher;
import dev.shoal.exec.memory.OperatorMemory;
import dev.shoal.exec.operator.Batches;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What a join's build drivers and probe drivers share: the build rows each build driver hands
 * over, the hash table the last of them builds (and publishes as a dynamic filter), and for RIGHT
 * and FULL joins which build rows any probe driver matched, so that the last probe driver to finish
 * emits the rows none matched.
 */
public final class JoinBridge {
    private final JoinNode node;
    private final List<DataType> rightTypes;
    private final DynamicFilterPublisher dynamicFilter;
    private final OperatorMemory memory;
    private final List<Batch> buildRows = new ArrayList<>();
    private final CompletableFuture<Void> built = new CompletableFuture<>();
    private long buildBytes;
    private int buildersLeft;
    private int probersLeft;
    private volatile JoinHashTable table;
    private volatile boolean[] buildMatched;

    /** {@code dynamicFilter}, when not null, receives the build keys as soon as the table is built. */
    public JoinBridge(JoinNode node, int buildDrivers, int probeDrivers, DynamicFilterPublisher dynamicFilter, OperatorMemory memory) {
        this.node = node;
        this.rightTypes = node.right().outputTypes();
        this.dynamicFilter = dynamicFilter;
        this.memory = memory;
        this.buildersLeft = buildDrivers;
        this.probersLeft = probeDrivers;
    }

    JoinNode node() {
        return node;
    }

    synchronized void addBuildRows(Batch batch) {
        if (table == null && !built.isDone()) {
            buildRows.add(batch);
            buildBytes += batch.retainedBytes();
            memory.setBytes(buildBytes);
        }
    }

    /** A build driver has handed over all its rows; the last one builds the table. */
    void buildFinished() {
        List<Batch> rows;
        synchronized (this) {
            if (--buildersLeft > 0 || built.isDone()) {
                return;
            }
            rows = List.copyOf(buildRows);
            buildRows.clear();
        }
        Batch all = rows.isEmpty() ? emptyBatch(rightTypes) : Batches.concat(rows, rightTypes);
        List<DataType> keyTypes = node.rightKeys().stream().map(rightTypes::get).toList();
        JoinHashTable hashTable = new JoinHashTable(all, node.rightKeys(), keyTypes);
        boolean[] matched = node.joinType().keepsUnmatchedRight() ? new boolean[all.rowCount()] : null;
        synchronized (this) {
            if (built.isDone()) {
                return;
            }
            table = hashTable;
            buildMatched = matched;
            memory.setBytes(hashTable.retainedBytes() + (matched == null ? 0 : matched.length));
        }
        if (dynamicFilter != null) {
            dynamicFilter.publish(all, node.rightKeys());
        }
        built.complete(null);
    }

    /** Completes once the table is built (or the join is released). */
    CompletableFuture<Void> tableBuilt() {
        return built;
    }

    JoinHashTable table() {
        return table;
    }

    /** Where probe drivers mark the build rows they matched (RIGHT and FULL joins), else null. */
    boolean[] buildMatched() {
        return buildMatched;
    }

    /**
     * A probe driver is done; true for the last one, which then owns the match marks of all (the
     * lock orders every driver's marks before its own reading of them).
     */
    synchronized boolean probeFinished() {
        return --probersLeft == 0;
    }

    /** The join is done (or stopped): the table is freed, and scans still waiting for its filter go on. */
    public synchronized void release() {
        table = null;
        buildMatched = null;
        buildRows.clear();
        memory.free();
        built.complete(null);
        if (dynamicFilter != null) {
            dynamicFilter.release();
        }
    }

    private static Batch emptyBatch(List<DataType> types) {
        return new Batch(types.stream().map(t -> VectorBuilder.create(t, 0).build()).toList(), 0);
    }
}
