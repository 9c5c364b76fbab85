package dev.shoal.exec.join;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.type.DataType;
import dev.shoal.exec.aggregate.GroupByHash;
import dev.shoal.exec.exchange.RowHasher;
import dev.shoal.exec.operator.Batches;

import java.util.List;

/**
 * A join table built in parallel: the build rows are split into partitions by a hash of their
 * keys, and each build driver builds one partition's hash table ({@link #build(int)}), its chains
 * running through one shared {@code nextRow} array (partitions own disjoint rows, so they never
 * write the same slot). A probe row is looked up in its key's partition.
 */
final class PartitionedJoinTable implements JoinLookup {
    /** Not the exchanges' seed: a task of a HASH exchange holds the rows of one remote hash. */
    static final long PARTITION_SEED = 0x2545F4914F6CDD1DL;

    private final Batch rows;
    private final List<Integer> keys;
    private final List<DataType> keyTypes;
    private final int[] partitionOfRow;
    private final int[] nextRow;
    private final GroupByHash[] hashes;
    private final int[][] firstRows;

    /** {@code partitionOfRow}: each build row's partition, from {@link #partitionsOf}. */
    PartitionedJoinTable(Batch rows, List<Integer> keys, List<DataType> keyTypes, int partitions, int[] partitionOfRow) {
        this.rows = rows;
        this.keys = keys;
        this.keyTypes = keyTypes;
        this.partitionOfRow = partitionOfRow;
        this.nextRow = new int[rows.rowCount()];
        this.hashes = new GroupByHash[partitions];
        this.firstRows = new int[partitions][];
    }

    int partitionCount() {
        return hashes.length;
    }

    /** Each row's partition among {@code partitions}, by its key values (build and probe rows alike). */
    static int[] partitionsOf(Batch batch, List<Integer> keys, int partitions) {
        return RowHasher.partitions(Batches.columns(batch, keys), batch.rowCount(), partitions, PARTITION_SEED);
    }

    /** Builds one partition's hash and chains; partitions may be built at once on different threads. */
    void build(int partition) {
        int n = rows.rowCount();
        int count = 0;
        for (int i = 0; i < n; i++) {
            count += partitionOfRow[i] == partition ? 1 : 0;
        }
        int[] positions = new int[count];
        int next = 0;
        for (int i = 0; i < n; i++) {
            if (partitionOfRow[i] == partition) {
                positions[next++] = i;
            }
        }
        ColumnVector[] keyColumns = Batches.columns(rows, keys);
        for (int k = 0; k < keyColumns.length; k++) {
            keyColumns[k] = keyColumns[k].take(positions, count);
        }
        GroupByHash hash = GroupByHash.create(keyTypes);
        int[] groups = hash.assign(keyColumns, count);
        int[] firstRow = new int[Math.max(1, hash.groupCount())];
        JoinHashTable.link(keyColumns, groups, positions, count, firstRow, nextRow);
        hashes[partition] = hash;
        firstRows[partition] = firstRow;
    }

    @Override
    public Batch rows() {
        return rows;
    }

    @Override
    public int[] firstMatches(Batch probe, List<Integer> probeKeys) {
        int n = probe.rowCount();
        int[] first = new int[n];
        int[] partitionOf = partitionsOf(probe, probeKeys, hashes.length);
        int[] counts = new int[hashes.length];
        for (int i = 0; i < n; i++) {
            counts[partitionOf[i]]++;
        }
        ColumnVector[] probeColumns = Batches.columns(probe, probeKeys);
        for (int partition = 0; partition < hashes.length; partition++) {
            if (counts[partition] == 0) {
                continue;
            }
            int[] positions = new int[counts[partition]];
            int next = 0;
            for (int i = 0; i < n; i++) {
                if (partitionOf[i] == partition) {
                    positions[next++] = i;
                }
            }
            ColumnVector[] subset = new ColumnVector[probeColumns.length];
            for (int k = 0; k < subset.length; k++) {
                subset[k] = next == n ? probeColumns[k] : probeColumns[k].take(positions, next);
            }
            int[] groups = hashes[partition].find(subset, next);
            int[] firstRow = firstRows[partition];
            for (int p = 0; p < next; p++) {
                first[positions[p]] = groups[p] < 0 ? -1 : firstRow[groups[p]];
            }
        }
        return first;
    }

    @Override
    public int nextMatch(int row) {
        return nextRow[row];
    }

    @Override
    public long retainedBytes() {
        long bytes = rows.retainedBytes() + 4L * nextRow.length + 4L * partitionOfRow.length;
        for (int p = 0; p < hashes.length; p++) {
            bytes += hashes[p] == null ? 0 : hashes[p].retainedBytes() + 4L * firstRows[p].length;
        }
        return bytes;
    }

}
