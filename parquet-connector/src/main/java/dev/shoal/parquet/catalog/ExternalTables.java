package dev.shoal.parquet.catalog;

import dev.shoal.core.catalog.TableDefinition;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.parquet.reader.ParquetSchemaReader;
import dev.shoal.parquet.store.ObjectInfo;
import dev.shoal.parquet.store.ObjectStore;

import java.util.List;

/**
 * Tables declared on the command line as {@code schema.name=s3://bucket/prefix/}: the columns come
 * from the footer of the first Parquet file under the prefix, as Athena's crawler would infer them.
 */
public final class ExternalTables {
    private ExternalTables() {
    }

    public static TableDefinition define(ObjectStore store, String spec) {
        int equals = spec.indexOf('=');
        String name = equals < 0 ? "" : spec.substring(0, equals).trim();
        int dot = name.indexOf('.');
        if (dot <= 0 || dot == name.length() - 1) {
            throw new ShoalException(ErrorCode.INVALID_ARGUMENT,
                    "--table wants schema.name=location, for example tpch.lineitem=s3://lake/tpch/lineitem/; got: " + spec);
        }
        String location = spec.substring(equals + 1).trim();
        if (!location.endsWith("/")) {
            location += "/";
        }
        return new TableDefinition(name.substring(0, dot), name.substring(dot + 1), location, inferColumns(store, location, name));
    }

    /** The columns of the first data file under {@code location}; none there is an error naming the table. */
    public static List<ScanColumn> inferColumns(ObjectStore store, String location, String tableName) {
        List<ObjectInfo> files = TableFiles.list(store, new TableDefinition("", tableName, location, List.of()));
        if (files.isEmpty()) {
            throw new ShoalException(ErrorCode.FILE_NOT_FOUND, "no Parquet files under " + location + " for table " + tableName);
        }
        ObjectInfo first = files.get(0);
        return ParquetSchemaReader.columns(ParquetSchemaReader.footer(store, first.location(), first.length()));
    }
}
