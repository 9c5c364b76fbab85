package dev.shoal.parquet.writer;

import dev.shoal.core.batch.Batch;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.MessageType;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A Parquet file written column by column: each batch's vectors go straight to parquet-java's column
 * writers (encodings, dictionaries, statistics, pages), as its record writer would, minus the
 * per-value record assembly (a third of a CTAS's time went to it). Rows are handed over in slices
 * of {@link #SLICE_ROWS}, so that pages are cut on record boundaries near their size limit.
 */
final class ColumnarFileWriter implements AutoCloseable {
    static final int SLICE_ROWS = 1024;

    private final MessageType schema;
    private final ParquetProperties properties;
    private final long rowGroupBytes;
    private final ParquetFileWriter file;
    private final CodecFactory codecs;
    private final CodecFactory.BytesCompressor compressor;
    private ColumnChunkPageWriteStore pages;
    private ColumnWriteStore columnStore;
    private ColumnWriter[] writers;
    private int rowGroupOrdinal;
    private long rowGroupRows;

    ColumnarFileWriter(OutputFile output, MessageType schema, ParquetProperties properties, ParquetWriteOptions options)
            throws IOException {
        this.schema = schema;
        this.properties = properties;
        this.rowGroupBytes = options.rowGroupBytes();
        this.file = new ParquetFileWriter(output, schema, ParquetFileWriter.Mode.CREATE, options.rowGroupBytes(), 0,
                properties.getColumnIndexTruncateLength(), properties.getStatisticsTruncateLength(),
                properties.getPageWriteChecksumEnabled());
        this.codecs = new CodecFactory(new Configuration(false), options.pageBytes());
        this.compressor = codecs.getCompressor(options.codec());
        file.start();
        startRowGroup();
    }

    private void startRowGroup() {
        pages = ColumnChunkPageWriteStore.builder().withCompressorProvider(column -> compressor).withSchema(schema)
                .withAllocator(properties.getAllocator()).withColumnIndexTruncateLength(properties.getColumnIndexTruncateLength())
                .withPageWriteChecksumEnabled(properties.getPageWriteChecksumEnabled()).withRowGroupOrdinal(rowGroupOrdinal).build();
        columnStore = properties.newColumnWriteStore(schema, pages, pages);
        List<ColumnDescriptor> columns = schema.getColumns();
        writers = new ColumnWriter[columns.size()];
        for (int c = 0; c < writers.length; c++) {
            writers[c] = columnStore.getColumnWriter(columns.get(c));
        }
        rowGroupRows = 0;
    }

    void write(Batch batch) throws IOException {
        for (int from = 0; from < batch.rowCount(); from += SLICE_ROWS) {
            int to = Math.min(batch.rowCount(), from + SLICE_ROWS);
            for (int c = 0; c < writers.length; c++) {
                ColumnValues.write(batch.column(c), from, to, writers[c]);
            }
            for (int row = from; row < to; row++) {
                columnStore.endRecord();
            }
            rowGroupRows += to - from;
            if (columnStore.getBufferedSize() >= rowGroupBytes) {
                flushRowGroup();
                startRowGroup();
            }
        }
    }

    /** The row group's pages and dictionaries, not yet in the file. */
    long bufferedBytes() {
        return columnStore.getAllocatedSize();
    }

    private void flushRowGroup() throws IOException {
        if (rowGroupRows == 0) {
            return;
        }
        file.startBlock(rowGroupRows);
        columnStore.flush();
        pages.flushToFileWriter(file);
        file.endBlock();
        columnStore.close();
        pages.close();
        rowGroupOrdinal++;
    }

    /** Writes the last row group and the footer. */
    void finish(Map<String, String> metadata) throws IOException {
        try {
            flushRowGroup();
            file.end(metadata);
        } finally {
            codecs.release();
        }
    }

    @Override
    public void close() {
        codecs.release();
    }
}
