package dev.shoal.catalog.discovery;

import dev.shoal.core.catalog.TableDefinition;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.parquet.store.ObjectStore;

/**
 * Tables declared on the command line as {@code schema.name=s3://bucket/prefix/}: the columns come
 * from the files' footers ({@link FileColumns}), as CREATE EXTERNAL TABLE without a column list
 * infers them.
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
        return new TableDefinition(name.substring(0, dot), name.substring(dot + 1), location, FileColumns.of(store, location, name));
    }
}
