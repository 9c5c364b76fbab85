package dev.shoal.parquet.writer;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.parquet.store.Location;
import dev.shoal.parquet.store.ObjectStore;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes batches as one Parquet file. The file is assembled in memory and stored with one PUT
 * when closed, so an object store never holds a partial file.
 */
public final class ParquetBatchWriter implements AutoCloseable {
    private final ObjectStore store;
    private final Location location;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final List<ScanColumn> columns;
    private final ParquetWriteOptions options;
    /** Opened once the first batches hold a sample, which decides the columns written without a dictionary. */
    private ColumnarFileWriter writer;
    private final List<Batch> sample = new ArrayList<>();
    private int sampleRows;
    private long rowCount;

    public ParquetBatchWriter(ObjectStore store, Location location, List<ScanColumn> columns, ParquetWriteOptions options) {
        this.store = store;
        this.location = location;
        this.columns = List.copyOf(columns);
        this.options = options;
    }

    private ColumnarFileWriter open(List<Batch> first) throws IOException {
        ParquetProperties.Builder properties = ParquetProperties.builder()
                .withPageSize(options.pageBytes())
                .withDictionaryPageSize(options.pageBytes())
                .withWriterVersion(options.writerVersion());
        for (int c = 0; c < columns.size(); c++) {
            if (DictionaryChoice.nearlyUnique(first, c)) {
                properties.withDictionaryEncoding(columns.get(c).name(), false);
            }
        }
        return new ColumnarFileWriter(new BufferOutputFile(buffer), ParquetSchemas.messageType(columns), properties.build(), options);
    }

    /** Writes the batch, or keeps it until the first batches hold {@link DictionaryChoice#SAMPLE_ROWS} rows (a partition's come in small ones). */
    public void write(Batch batch) {
        rowCount += batch.rowCount();
        try {
            if (writer == null) {
                sample.add(batch);
                sampleRows += batch.rowCount();
                if (sampleRows >= DictionaryChoice.SAMPLE_ROWS) {
                    openWithSample();
                }
                return;
            }
            writer.write(batch);
        } catch (IOException | RuntimeException e) {
            throw failure(e);
        }
    }

    private void openWithSample() throws IOException {
        writer = open(sample);
        for (Batch batch : sample) {
            writer.write(batch);
        }
        sample.clear();
    }

    private ShoalException failure(Exception e) {
        return e instanceof ShoalException shoal ? shoal
                : new ShoalException(ErrorCode.STORAGE_ERROR, "cannot write " + location + ": " + e.getMessage(), e);
    }

    /** What it holds until the PUT: the file so far, the pages and dictionaries not yet in it, or the sample. */
    public long retainedBytes() {
        long held = buffer.size();
        if (writer != null) {
            return held + writer.bufferedBytes();
        }
        for (Batch batch : sample) {
            held += batch.retainedBytes();
        }
        return held;
    }

    public long rowCount() {
        return rowCount;
    }

    /** The file's size once closed. */
    public long bytes() {
        return buffer.size();
    }

    /** Finishes the file and stores it with one PUT. */
    @Override
    public void close() {
        try {
            if (writer == null) {
                openWithSample();
            }
            writer.finish(Map.of("writer", "shoal"));
        } catch (IOException | RuntimeException e) {
            throw failure(e);
        } finally {
            if (writer != null) {
                writer.close();
            }
        }
        store.write(location, buffer.toByteArray());
    }

    private record BufferOutputFile(ByteArrayOutputStream buffer) implements OutputFile {
        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return new PositionOutputStream() {
                @Override
                public long getPos() {
                    return buffer.size();
                }

                @Override
                public void write(int b) {
                    buffer.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    buffer.write(b, off, len);
                }
            };
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            return create(blockSizeHint);
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }
    }
}
