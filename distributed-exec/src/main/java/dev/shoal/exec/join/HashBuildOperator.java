package dev.shoal.exec.join;

import dev.shoal.core.batch.Batch;
import dev.shoal.exec.operator.SinkOperator;

import java.util.concurrent.CompletableFuture;

/**
 * The sink of a join's build pipeline, one per build driver: hands the driver's rows to the
 * {@link JoinBridge} (hashed into the table's partitions here, on the driver's thread), then,
 * once every driver's rows are in, builds the partition numbered after its driver.
 */
public final class HashBuildOperator implements SinkOperator {
    private final JoinBridge bridge;
    private final int driver;
    private boolean rowsHandedOver;
    private boolean finished;

    public HashBuildOperator(JoinBridge bridge, int driver) {
        this.bridge = bridge;
        this.driver = driver;
    }

    @Override
    public CompletableFuture<Void> isBlocked() {
        return rowsHandedOver && !finished ? bridge.rowsIn() : NOT_BLOCKED;
    }

    @Override
    public boolean needsInput() {
        return !rowsHandedOver;
    }

    @Override
    public void addInput(Batch batch) {
        int[] partitions = bridge.partitionsRows()
                ? PartitionedJoinTable.partitionsOf(batch, bridge.node().rightKeys(), partitionCount()) : null;
        bridge.addBuildRows(batch, partitions);
    }

    private int partitionCount() {
        return bridge.buildDrivers();
    }

    /** Called again at each of the driver's turns once its input ended: it builds its partition when all rows are in. */
    @Override
    public void finish() {
        if (!rowsHandedOver) {
            rowsHandedOver = true;
            bridge.buildRowsFinished();
        }
        if (!finished && bridge.rowsIn().isDone()) {
            finished = true;
            bridge.buildPartition(driver);
        }
    }

    @Override
    public boolean isFinished() {
        return finished;
    }
}
