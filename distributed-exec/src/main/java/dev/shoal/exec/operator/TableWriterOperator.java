package dev.shoal.exec.operator;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.VectorBuilder;
import dev.shoal.core.catalog.HiveBuckets;
import dev.shoal.core.catalog.PartitionNames;
import dev.shoal.core.catalog.PartitionValues;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.plan.TableWriterNode;
import dev.shoal.core.task.TaskId;
import dev.shoal.core.type.DataType;
import dev.shoal.exec.memory.OperatorMemory;
import dev.shoal.parquet.store.Location;
import dev.shoal.parquet.store.ObjectStore;
import dev.shoal.parquet.writer.ParquetBatchWriter;
import dev.shoal.parquet.writer.ParquetWriteOptions;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes all its input as Parquet files (a new file every {@code maxRowsPerFile} rows), then
 * outputs one row per file written: path, bytes, rows, partition. Files are stored whole, with one
 * PUT each, so none is ever seen half-written; what a failed task stored the coordinator deletes.
 * A partitioned write keeps one file series per partition it meets, up to {@code maxOpenWriters};
 * a bucketed one a series per bucket of each partition.
 */
public final class TableWriterOperator implements Operator {
    private final TableWriterNode node;
    private final ObjectStore store;
    private final TaskId taskId;
    private final ParquetWriteOptions options;
    private final int dataColumns;
    /** By partition values, then the bucket for a bucketed table (an empty list for neither), in the order first met. */
    private final Map<List<Object>, PartitionFiles> partitions = new LinkedHashMap<>();
    private final List<Integer> bucketChannels;
    private final List<DataType> bucketTypes;
    private final List<WrittenFile> written = new ArrayList<>();
    /** Of the task's drivers that write, this one: each writes files of its own. */
    private final int driver;
    private boolean finishing;
    private Batch output;
    /** What the open files hold: each is assembled in memory until its one PUT. */
    private final OperatorMemory memory;

    public TableWriterOperator(TableWriterNode node, ObjectStore store, TaskId taskId, int driver, OperatorMemory memory) {
        this.driver = driver;
        this.memory = memory;
        this.node = node;
        this.store = store;
        this.taskId = taskId;
        this.options = ParquetWriteOptions.defaults().withCodec(codec(node.compression()));
        this.dataColumns = node.dataColumns().size();
        this.bucketChannels = node.bucketChannels();
        this.bucketTypes = bucketChannels.stream().map(c -> node.columns().get(c).type()).toList();
    }

    /** Trino's and Athena's write_compression names. */
    static CompressionCodecName codec(String compression) {
        return switch (compression.toUpperCase(Locale.ROOT)) {
            case "SNAPPY" -> CompressionCodecName.SNAPPY;
            case "GZIP" -> CompressionCodecName.GZIP;
            case "ZSTD" -> CompressionCodecName.ZSTD;
            case "NONE", "UNCOMPRESSED" -> CompressionCodecName.UNCOMPRESSED;
            default -> throw new ShoalException(ErrorCode.INVALID_ARGUMENT,
                    "write_compression " + compression + " is not one of SNAPPY, ZSTD, GZIP, NONE");
        };
    }

    private record WrittenFile(String path, long bytes, long rows, String partition) {
    }

    @Override
    public boolean needsInput() {
        return !finishing;
    }

    @Override
    public void addInput(Batch batch) {
        if (node.partitionColumns().isEmpty() && node.bucketCount() == 0) {
            partition(List.of()).write(batch);
        } else {
            writePartitioned(batch);
        }
        memory.setBytes(partitions.values().stream().mapToLong(PartitionFiles::retainedBytes).sum());
    }

    @Override
    public void finish() {
        if (!finishing) {
            finishing = true;
            partitions.values().forEach(PartitionFiles::finish);
            memory.free();
            output = fileRows();
        }
    }

    @Override
    public Batch getOutput() {
        Batch rows = output;
        output = null;
        return rows;
    }

    @Override
    public boolean isFinished() {
        return finishing && output == null;
    }

    /**
     * Splits the batch by partition (and bucket): consecutive rows of one partition (the common case
     * of clustered data) cost no lookup.
     */
    private void writePartitioned(Batch batch) {
        int keys = node.partitionColumns().size();
        boolean bucketed = node.bucketCount() > 0;
        Map<List<Object>, int[]> positions = new HashMap<>();
        Map<List<Object>, Integer> counts = new HashMap<>();
        Object[] previous = null;
        List<Object> previousKey = null;
        Object[] bucketValues = new Object[bucketChannels.size()];
        for (int row = 0; row < batch.rowCount(); row++) {
            Object[] values = new Object[keys + (bucketed ? 1 : 0)];
            for (int k = 0; k < keys; k++) {
                values[k] = batch.column(dataColumns + k).valueAt(row);
            }
            if (bucketed) {
                for (int b = 0; b < bucketValues.length; b++) {
                    bucketValues[b] = batch.column(bucketChannels.get(b)).valueAt(row);
                }
                values[keys] = HiveBuckets.bucket(bucketValues, bucketTypes, node.bucketCount());
            }
            List<Object> key = previous != null && Arrays.equals(previous, values) ? previousKey : Arrays.asList(values);
            previous = values;
            previousKey = key;
            int[] rows = positions.computeIfAbsent(key, k -> new int[16]);
            int count = counts.getOrDefault(key, 0);
            if (count == rows.length) {
                rows = Arrays.copyOf(rows, rows.length * 2);
                positions.put(key, rows);
            }
            rows[count] = row;
            counts.put(key, count + 1);
        }
        for (Map.Entry<List<Object>, int[]> group : positions.entrySet()) {
            partition(group.getKey()).write(batch.take(group.getValue(), counts.get(group.getKey())));
        }
    }

    private PartitionFiles partition(List<Object> values) {
        PartitionFiles files = partitions.get(values);
        if (files == null) {
            if (partitions.size() >= node.maxOpenWriters()) {
                throw new ShoalException(ErrorCode.TOO_MANY_OPEN_WRITERS, "a task of this write met more than "
                        + node.maxOpenWriters() + " partitions" + (node.bucketCount() > 0 ? " and buckets" : "") + " of "
                        + String.join(", ", node.partitionColumns())
                        + "; write fewer partitions per statement (Trino's hive.max-partitions-per-writers)");
            }
            int keys = node.partitionColumns().size();
            files = new PartitionFiles(keys == 0 ? null : name(values.subList(0, keys)),
                    node.bucketCount() > 0 ? (Integer) values.get(keys) : -1);
            partitions.put(values, files);
        }
        return files;
    }

    private String name(List<Object> values) {
        List<String> spelled = new ArrayList<>(values.size());
        for (int k = 0; k < values.size(); k++) {
            spelled.add(PartitionValues.format(values.get(k), node.columns().get(dataColumns + k).type()));
        }
        return PartitionNames.name(node.partitionColumns(), spelled);
    }

    /** The files one task writes into one partition (or into an unpartitioned table). */
    private final class PartitionFiles {
        private final String partition;
        private final String folder;
        /** The bucket, or -1 for a table that is not bucketed. */
        private final int bucket;
        private ParquetBatchWriter writer;
        private int fileCount;

        PartitionFiles(String partition, int bucket) {
            this.partition = partition;
            this.folder = partition == null ? node.location() : node.location() + partition + "/";
            this.bucket = bucket;
        }

        void write(Batch rows) {
            if (writer == null) {
                writer = new ParquetBatchWriter(store, fileLocation(), node.dataColumns(), options);
            }
            writer.write(dataColumns == rows.columnCount() ? rows : new Batch(rows.columns().subList(0, dataColumns), rows.rowCount()));
            if (writer.rowCount() >= node.maxRowsPerFile()) {
                finish();
            }
        }

        private Location fileLocation() {
            String name = node.writeId() + (bucket < 0 ? "" : String.format(Locale.ROOT, "_bucket-%05d", bucket)) + "_"
                    + taskId.fragmentId() + "-" + taskId.partition() + "-" + driver + "_" + taskId.attempt() + "_" + fileCount + ".parquet";
            return Location.parse(folder + name);
        }

        long retainedBytes() {
            return writer == null ? 0 : writer.retainedBytes();
        }

        void finish() {
            if (writer == null) {
                return;
            }
            writer.close();
            written.add(new WrittenFile(fileLocation().toString(), writer.bytes(), writer.rowCount(), partition));
            writer = null;
            fileCount++;
        }
    }

    private Batch fileRows() {
        VectorBuilder pathColumn = VectorBuilder.create(DataType.VARCHAR, written.size());
        VectorBuilder byteColumn = VectorBuilder.create(DataType.BIGINT, written.size());
        VectorBuilder rowColumn = VectorBuilder.create(DataType.BIGINT, written.size());
        VectorBuilder partitionColumn = VectorBuilder.create(DataType.VARCHAR, written.size());
        for (WrittenFile file : written) {
            pathColumn.appendValue(file.path());
            byteColumn.appendValue(file.bytes());
            rowColumn.appendValue(file.rows());
            partitionColumn.appendValue(file.partition());
        }
        List<ColumnVector> columns = List.of(pathColumn.build(), byteColumn.build(), rowColumn.build(), partitionColumn.build());
        return new Batch(columns, written.size());
    }

    @Override
    public void close() {
        memory.free();
    }
}
