package dev.shoal.parquet.writer;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.parquet.store.Location;
import dev.shoal.parquet.store.ObjectStore;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * Writes batches as one Parquet file. The file is assembled in memory and stored with one PUT
 * when closed, so an object store never holds a partial file.
 */
public final class ParquetBatchWriter implements AutoCloseable {
    private final ObjectStore store;
    private final Location location;
    private final BatchWriteSupport writeSupport;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final ParquetWriter<Integer> writer;
    private long rowCount;

    public ParquetBatchWriter(ObjectStore store, Location location, List<ScanColumn> columns, ParquetWriteOptions options) {
        this.store = store;
        this.location = location;
        this.writeSupport = new BatchWriteSupport(columns);
        try {
            this.writer = new Builder(new BufferOutputFile(buffer), writeSupport)
                    .withCompressionCodec(options.codec())
                    .withRowGroupSize(options.rowGroupBytes())
                    .withPageSize(options.pageBytes())
                    .withWriterVersion(options.writerVersion())
                    .withConf(new Configuration(false))
                    .build();
        } catch (IOException e) {
            throw new ShoalException(ErrorCode.STORAGE_ERROR, "cannot write " + location + ": " + e.getMessage(), e);
        }
    }

    public void write(Batch batch) {
        writeSupport.setBatch(batch);
        try {
            for (int row = 0; row < batch.rowCount(); row++) {
                writer.write(row);
            }
        } catch (IOException e) {
            throw new ShoalException(ErrorCode.STORAGE_ERROR, "cannot write " + location + ": " + e.getMessage(), e);
        }
        rowCount += batch.rowCount();
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
            writer.close();
        } catch (IOException e) {
            throw new ShoalException(ErrorCode.STORAGE_ERROR, "cannot write " + location + ": " + e.getMessage(), e);
        }
        store.write(location, buffer.toByteArray());
    }

    private static final class Builder extends ParquetWriter.Builder<Integer, Builder> {
        private final BatchWriteSupport writeSupport;

        Builder(OutputFile file, BatchWriteSupport writeSupport) {
            super(file);
            this.writeSupport = writeSupport;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Integer> getWriteSupport(Configuration conf) {
            return writeSupport;
        }
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
