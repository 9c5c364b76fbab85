package dev.shoal.parquet.reader;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.parquet.store.Location;
import dev.shoal.parquet.store.ObjectStore;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.schema.Type;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/** Reads a Parquet footer: the columns Shoal can read, and row counts. */
public final class ParquetSchemaReader {
    private ParquetSchemaReader() {
    }

    public static ParquetMetadata footer(ObjectStore store, Location location, long length) {
        return footer(new StoreInputFile(store, location, length, new LongAdder()));
    }

    /** The footer of {@code file}, all its row groups. */
    public static ParquetMetadata footer(StoreInputFile file) {
        try (ParquetFileReader reader = ParquetFileReader.open(file, ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
            return reader.getFooter();
        } catch (ShoalException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ShoalException(ErrorCode.CORRUPT_FILE, "cannot read Parquet file " + file.location() + ": " + e.getMessage(), e);
        }
    }

    /** The readable columns of a file, in file order; nested columns are skipped. */
    public static List<ScanColumn> columns(ParquetMetadata footer) {
        List<ScanColumn> columns = new ArrayList<>();
        for (Type field : footer.getFileMetaData().getSchema().getFields()) {
            ParquetTypes.sqlType(field).ifPresent(type -> columns.add(new ScanColumn(field.getName(), type)));
        }
        return columns;
    }
}
