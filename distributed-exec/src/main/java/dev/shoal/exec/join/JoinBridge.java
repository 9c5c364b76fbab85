package dev.shoal.exec.join;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.LongVector;
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
 * What a join's build drivers and probe drivers share. Build drivers hand over their rows (each
 * with its rows' partitions, hashed on the driver's own thread); once the last one has, the rows
 * are put together and each build driver builds one partition of the table
 * ({@link PartitionedJoinTable}), or the last driver alone builds a single table when a partition
 * would not pay (one build driver, no keys, or a dense integer key that needs no hashing). The
 * built table is published as the join's dynamic filter. For RIGHT and FULL joins it keeps which
 * build rows any probe driver matched, so that the last probe driver to finish emits the rows none
 * matched.
 */
public final class JoinBridge {
    private final JoinNode node;
    private final List<DataType> rightTypes;
    private final List<DataType> keyTypes;
    private final DynamicFilterPublisher dynamicFilter;
    private final OperatorMemory memory;
    private final int buildDrivers;
    private final List<Batch> buildRows = new ArrayList<>();
    private final List<int[]> buildPartitions = new ArrayList<>();
    /** Completed once every build driver's rows are in and put together (a partitioned build may begin). */
    private final CompletableFuture<Void> rowsIn = new CompletableFuture<>();
    /** Completed once the table is built (or the join is released). */
    private final CompletableFuture<Void> built = new CompletableFuture<>();
    private long buildBytes;
    private int buildersLeft;
    private int partitionsLeft;
    private int probersLeft;
    private Batch allRows;
    private PartitionedJoinTable partitioned;
    private volatile JoinLookup table;
    private volatile boolean[] buildMatched;
    private volatile boolean released;

    /** {@code dynamicFilter}, when not null, receives the build keys as soon as the table is built. */
    public JoinBridge(JoinNode node, int buildDrivers, int probeDrivers, DynamicFilterPublisher dynamicFilter, OperatorMemory memory) {
        this.node = node;
        this.rightTypes = node.right().outputTypes();
        this.keyTypes = node.rightKeys().stream().map(rightTypes::get).toList();
        this.dynamicFilter = dynamicFilter;
        this.memory = memory;
        this.buildDrivers = buildDrivers;
        this.buildersLeft = buildDrivers;
        this.partitionsLeft = buildDrivers;
        this.probersLeft = probeDrivers;
    }

    JoinNode node() {
        return node;
    }

    int buildDrivers() {
        return buildDrivers;
    }

    /** Whether build drivers hash their rows into partitions as they take them. */
    boolean partitionsRows() {
        return buildDrivers > 1 && !node.rightKeys().isEmpty();
    }

    /** {@code partitions}: each row's partition, or null when the build is not partitioned. */
    synchronized void addBuildRows(Batch batch, int[] partitions) {
        if (released) {
            return;
        }
        buildRows.add(batch);
        if (partitions != null) {
            buildPartitions.add(partitions);
        }
        buildBytes += batch.retainedBytes();
        memory.setBytes(buildBytes);
    }

    /** A build driver has handed over all its rows; the last one puts them together (and builds a single table). */
    void buildRowsFinished() {
        List<Batch> rows;
        List<int[]> partitions;
        synchronized (this) {
            if (--buildersLeft > 0 || released) {
                return;
            }
            rows = List.copyOf(buildRows);
            partitions = List.copyOf(buildPartitions);
            buildRows.clear();
            buildPartitions.clear();
        }
        Batch all = rows.isEmpty() ? emptyBatch(rightTypes) : Batches.concat(rows, rightTypes);
        if (!partitionsRows() || dense(all)) {
            JoinHashTable single = new JoinHashTable(all, node.rightKeys(), keyTypes);
            synchronized (this) {
                partitionsLeft = 0;
                allRows = all;
            }
            publish(single);
            rowsIn.complete(null);
            return;
        }
        int[] partitionOfRow = new int[all.rowCount()];
        int at = 0;
        for (int[] batchPartitions : partitions) {
            System.arraycopy(batchPartitions, 0, partitionOfRow, at, batchPartitions.length);
            at += batchPartitions.length;
        }
        synchronized (this) {
            allRows = all;
            partitioned = new PartitionedJoinTable(all, node.rightKeys(), keyTypes, buildDrivers, partitionOfRow);
        }
        rowsIn.complete(null);
    }

    /** Completes once every build driver's rows are in: then each builds its partition. */
    CompletableFuture<Void> rowsIn() {
        return rowsIn;
    }

    /** Builds one partition on the calling build driver's thread; the last partition built publishes the table. */
    void buildPartition(int partition) {
        PartitionedJoinTable table;
        synchronized (this) {
            table = partitioned;
        }
        if (table == null || released) {
            return;
        }
        table.build(partition);
        boolean last;
        synchronized (this) {
            last = --partitionsLeft == 0;
        }
        if (last) {
            publish(table);
        }
    }

    private void publish(JoinLookup lookup) {
        synchronized (this) {
            if (released) {
                return;
            }
            boolean[] matched = node.joinType().keepsUnmatchedRight() ? new boolean[lookup.rows().rowCount()] : null;
            table = lookup;
            buildMatched = matched;
            memory.setBytes(lookup.retainedBytes() + (matched == null ? 0 : matched.length));
        }
        if (dynamicFilter != null) {
            dynamicFilter.publish(allRows, node.rightKeys());
        }
        built.complete(null);
    }

    /** A single integral key over a dense range: the table addresses it directly, with no hashing to split. */
    private boolean dense(Batch all) {
        if (node.rightKeys().size() != 1 || keyTypes.get(0).isWideDecimal()) {
            return false;
        }
        ColumnVector key = all.column(node.rightKeys().get(0));
        return key instanceof LongVector longs && JoinHashTable.denseRange(longs, all.rowCount()) != null;
    }

    /** Completes once the table is built (or the join is released). */
    CompletableFuture<Void> tableBuilt() {
        return built;
    }

    JoinLookup table() {
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
    public void release() {
        synchronized (this) {
            released = true;
            table = null;
            partitioned = null;
            allRows = null;
            buildMatched = null;
            buildRows.clear();
            buildPartitions.clear();
            memory.free();
        }
        rowsIn.complete(null);
        built.complete(null);
        if (dynamicFilter != null) {
            dynamicFilter.release();
        }
    }

    private static Batch emptyBatch(List<DataType> types) {
        return new Batch(types.stream().map(t -> VectorBuilder.create(t, 0).build()).toList(), 0);
    }
}
