package dev.shoal.coordinator.ddl;

import dev.shoal.coordinator.query.QueryManager;
import dev.shoal.coordinator.query.RunningQuery;
import dev.shoal.core.catalog.Catalog;
import dev.shoal.core.catalog.DataFile;
import dev.shoal.core.catalog.SchemaDefinition;
import dev.shoal.core.catalog.TableDefinition;
import dev.shoal.core.catalog.TableKind;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.plan.TableWriterNode;
import dev.shoal.parquet.store.Location;
import dev.shoal.parquet.store.ObjectInfo;
import dev.shoal.parquet.store.ObjectStore;
import dev.shoal.planner.PlannedQuery;
import dev.shoal.planner.WriteTarget;
import dev.shoal.planner.parser.ddl.SqlCreateTableAs;

import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CREATE TABLE ... AS SELECT: the query runs with a table writer in every task of its last
 * distributed fragment, each task writing its own files; the coordinator collects the list of
 * files the tasks report and only then creates the table in the catalog, in one transaction. A
 * failure anywhere before that commit deletes the files of this write (named after its write id)
 * and leaves no table.
 */
final class CreateTableAsExecutor {
    private static final DateTimeFormatter WRITE_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Catalog catalog;
    private final ObjectStore store;
    private final QueryManager queries;
    private final Optional<String> warehouse;

    CreateTableAsExecutor(Catalog catalog, ObjectStore store, QueryManager queries, Optional<String> warehouse) {
        this.catalog = catalog;
        this.store = store;
        this.queries = queries;
        this.warehouse = warehouse;
    }

    CommandResult execute(SqlCreateTableAs ctas, DdlExecutor.TableName name) {
        long start = System.nanoTime();
        SchemaDefinition schema = catalog.schema(name.schema()).orElseThrow(() -> new ShoalException(ErrorCode.UNKNOWN_SCHEMA,
                "schema " + name.schema() + " does not exist (CREATE SCHEMA " + name.schema() + " first)"));
        if (catalog.table(name.schema(), name.table()).isPresent()) {
            if (ctas.ifNotExists) {
                return CommandResult.updated(0);
            }
            throw new ShoalException(ErrorCode.ALREADY_EXISTS, "table " + name + " already exists");
        }
        TableProperties properties = TableProperties.of(ctas.properties(), name);
        TableKind kind = properties.externalLocation().isPresent() ? TableKind.EXTERNAL : TableKind.MANAGED;
        String location = properties.externalLocation().or(() -> schema.location().map(l -> l + name.table() + "/"))
                .or(() -> warehouse.map(w -> w + name.schema() + "/" + name.table() + "/"))
                .orElseThrow(() -> new ShoalException(ErrorCode.INVALID_ARGUMENT, "table " + name + " has no location: give "
                        + "WITH (external_location = 's3://...'), or create its schema with a LOCATION"));
        checkEmpty(location, name);

        String writeId = newWriteId();
        WriteTarget target = new WriteTarget(location, writeId, properties.compression(), WriteTarget.DEFAULT_MAX_ROWS_PER_FILE);
        PlannedQuery planned = queries.planner().planWrite(ctas.query(), start, target);
        TableWriterNode writer = (TableWriterNode) planned.root();
        long rows = 0;
        try {
            List<WrittenFile> files = ctas.withData() ? run(planned) : List.of();
            rows = files.stream().mapToLong(WrittenFile::rows).sum();
            Map<String, String> tableProperties = new LinkedHashMap<>();
            tableProperties.put("format", "PARQUET");
            tableProperties.put("write_compression", properties.compression());
            List<DataFile> committed = files.stream().map(f -> new DataFile(f.path(), f.bytes(), f.rows())).toList();
            catalog.createTable(new TableDefinition(name.schema(), name.table(), location, writer.columns(), kind, tableProperties,
                    Optional.of(committed)));
        } catch (RuntimeException e) {
            deleteFilesOf(location, writeId);
            throw e;
        }
        return CommandResult.updated(rows);
    }

    private List<WrittenFile> run(PlannedQuery planned) {
        try (RunningQuery query = queries.start(planned)) {
            return query.nextRows(Integer.MAX_VALUE, row -> new WrittenFile((String) row.value(0), (Long) row.value(1),
                    (Long) row.value(2)));
        }
    }

    /** A file one task wrote, as it reported it. */
    private record WrittenFile(String path, long bytes, long rows) {
    }

    private void checkEmpty(String location, DdlExecutor.TableName name) {
        List<ObjectInfo> existing = store.list(Location.parse(location));
        if (!existing.isEmpty()) {
            throw new ShoalException(ErrorCode.ALREADY_EXISTS, "table " + name + ": location " + location + " already holds "
                    + existing.size() + " object(s), such as " + existing.get(0).location() + "; a new table needs an empty one");
        }
    }

    /** Deletes what this write stored: every object under the location named after its write id. */
    private void deleteFilesOf(String location, String writeId) {
        try {
            for (ObjectInfo object : store.list(Location.parse(location))) {
                String key = object.location().key();
                if (key.substring(key.lastIndexOf('/') + 1).startsWith(writeId + "_")) {
                    store.delete(object.location());
                }
            }
        } catch (RuntimeException cleanupFailed) {
            // The write already failed; its error is the one to report. Files left behind are named after the write id.
        }
    }

    /** Unique to one write: its time and 40 random bits, as Trino's query ids (20261201_191602_...). */
    private static String newWriteId() {
        byte[] random = new byte[5];
        RANDOM.nextBytes(random);
        return LocalDateTime.now(ZoneOffset.UTC).format(WRITE_ID_TIME) + "_" + HexFormat.of().formatHex(random);
    }
}
