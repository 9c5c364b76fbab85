package dev.shoal.catalog.discovery;

import dev.shoal.core.catalog.TableDefinition;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.parquet.catalog.TableFiles;
import dev.shoal.parquet.reader.ParquetSchemaReader;
import dev.shoal.parquet.store.ObjectInfo;
import dev.shoal.parquet.store.ObjectStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of the Parquet files under a location, as CREATE EXTERNAL TABLE infers them: the
 * union of the footers of the first {@link #MAX_FILES} data files, in the order first seen (files
 * written before a column was added lack it and read it as NULL). Two files that give one column
 * different types are an error naming both files and the column, at CREATE rather than at the
 * first query that reads the second file.
 */
public final class FileColumns {
    /** Footers read at CREATE: each is a ranged GET or two; a table of more files is checked on this sample. */
    public static final int MAX_FILES = 100;

    private FileColumns() {
    }

    public static List<ScanColumn> of(ObjectStore store, String location, String table) {
        List<ObjectInfo> files = TableFiles.list(store, new TableDefinition("", table, location, List.of()));
        if (files.isEmpty()) {
            throw new ShoalException(ErrorCode.FILE_NOT_FOUND, "no Parquet files under " + location + " for table " + table);
        }
        Map<String, ScanColumn> columns = new LinkedHashMap<>();
        Map<String, String> firstFile = new LinkedHashMap<>();
        for (ObjectInfo file : files.subList(0, Math.min(MAX_FILES, files.size()))) {
            for (ScanColumn column : ParquetSchemaReader.columns(ParquetSchemaReader.footer(store, file.location(), file.length()))) {
                String key = column.name().toLowerCase(Locale.ROOT);
                ScanColumn seen = columns.get(key);
                if (seen == null) {
                    columns.put(key, column);
                    firstFile.put(key, file.location().toString());
                } else if (!seen.type().equals(column.type())) {
                    throw new ShoalException(ErrorCode.TYPE_MISMATCH, "table " + table + ": column " + column.name() + " is "
                            + seen.type() + " in " + firstFile.get(key) + " but " + column.type() + " in " + file.location()
                            + "; files of one table must agree on each column's type");
                }
            }
        }
        return new ArrayList<>(columns.values());
    }
}
