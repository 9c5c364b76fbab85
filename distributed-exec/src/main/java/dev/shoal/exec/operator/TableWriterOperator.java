package dev.shoal.exec.operator;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.VectorBuilder;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.plan.TableWriterNode;
import dev.shoal.core.task.TaskId;
import dev.shoal.core.type.DataType;
import dev.shoal.parquet.store.Location;
import dev.shoal.parquet.store.ObjectStore;
import dev.shoal.parquet.writer.ParquetBatchWriter;
import dev.shoal.parquet.writer.ParquetWriteOptions;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes all its input as Parquet files (a new file every {@code maxRowsPerFile} rows), then
 * outputs one row per file written: path, bytes, rows. Files are stored whole, with one PUT each,
 * so none is ever seen half-written; what a failed task stored the coordinator deletes.
 */
public final class TableWriterOperator implements Operator {
    private final Operator input;
    private final TableWriterNode node;
    private final ObjectStore store;
    private final TaskId taskId;
    private final ParquetWriteOptions options;
    private boolean finished;

    public TableWriterOperator(Operator input, TableWriterNode node, ObjectStore store, TaskId taskId) {
        this.input = input;
        this.node = node;
        this.store = store;
        this.taskId = taskId;
        this.options = ParquetWriteOptions.defaults().withCodec(codec(node.compression()));
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

    @Override
    public Batch next() {
        if (finished) {
            return null;
        }
        finished = true;
        List<String> paths = new ArrayList<>();
        List<Long> bytes = new ArrayList<>();
        List<Long> rows = new ArrayList<>();
        ParquetBatchWriter writer = null;
        Batch batch;
        while ((batch = input.next()) != null) {
            if (batch.rowCount() == 0) {
                continue;
            }
            if (writer == null) {
                writer = new ParquetBatchWriter(store, fileLocation(paths.size()), node.columns(), options);
            }
            writer.write(batch);
            if (writer.rowCount() >= node.maxRowsPerFile()) {
                finish(writer, paths, bytes, rows);
                writer = null;
            }
        }
        if (writer != null) {
            finish(writer, paths, bytes, rows);
        }
        return fileRows(paths, bytes, rows);
    }

    private Location fileLocation(int index) {
        String name = node.writeId() + "_" + taskId.fragmentId() + "-" + taskId.partition() + "_" + taskId.attempt() + "_" + index
                + ".parquet";
        return Location.parse(node.location() + name);
    }

    private void finish(ParquetBatchWriter writer, List<String> paths, List<Long> bytes, List<Long> rows) {
        writer.close();
        paths.add(fileLocation(paths.size()).toString());
        bytes.add(writer.bytes());
        rows.add(writer.rowCount());
    }

    private static Batch fileRows(List<String> paths, List<Long> bytes, List<Long> rows) {
        VectorBuilder pathColumn = VectorBuilder.create(DataType.VARCHAR, paths.size());
        VectorBuilder byteColumn = VectorBuilder.create(DataType.BIGINT, paths.size());
        VectorBuilder rowColumn = VectorBuilder.create(DataType.BIGINT, paths.size());
        for (int i = 0; i < paths.size(); i++) {
            pathColumn.appendValue(paths.get(i));
            byteColumn.appendValue(bytes.get(i));
            rowColumn.appendValue(rows.get(i));
        }
        List<ColumnVector> columns = List.of(pathColumn.build(), byteColumn.build(), rowColumn.build());
        return new Batch(columns, paths.size());
    }

    @Override
    public void close() {
        input.close();
    }
}
