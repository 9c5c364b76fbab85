package dev.shoal.parquet.writer;

import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/** How files are written: codec, row group and page sizes, data page version. */
public record ParquetWriteOptions(CompressionCodecName codec, long rowGroupBytes, int pageBytes,
                                  ParquetProperties.WriterVersion writerVersion) {
    public static ParquetWriteOptions defaults() {
        return new ParquetWriteOptions(CompressionCodecName.SNAPPY, 64L * 1024 * 1024, 1024 * 1024,
                ParquetProperties.WriterVersion.PARQUET_1_0);
    }

    public ParquetWriteOptions withCodec(CompressionCodecName newCodec) {
        return new ParquetWriteOptions(newCodec, rowGroupBytes, pageBytes, writerVersion);
    }

    public ParquetWriteOptions withRowGroupBytes(long bytes) {
        return new ParquetWriteOptions(codec, bytes, pageBytes, writerVersion);
    }

    public ParquetWriteOptions withPageBytes(int bytes) {
        return new ParquetWriteOptions(codec, rowGroupBytes, bytes, writerVersion);
    }

    public ParquetWriteOptions withWriterVersion(ParquetProperties.WriterVersion version) {
        return new ParquetWriteOptions(codec, rowGroupBytes, pageBytes, version);
    }
}
