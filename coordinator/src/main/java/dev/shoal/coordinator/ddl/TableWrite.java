package dev.shoal.coordinator.ddl;

import dev.shoal.coordinator.lifecycle.TrackedQuery;
import dev.shoal.coordinator.query.QueryManager;
import dev.shoal.coordinator.query.RunningQuery;
import dev.shoal.core.catalog.DataFile;
import dev.shoal.core.catalog.Partition;
import dev.shoal.core.catalog.PartitionNames;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.core.plan.TableWriterNode;
import dev.shoal.planner.PlannedQuery;
import dev.shoal.planner.WriteTarget;
import org.apache.calcite.sql.SqlNode;

import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One distributed write of a query's rows as Parquet files under a location, and its commit: the
 * write is recorded as pending, the tasks write and report their files, then {@code commit} puts
 * that list in the catalog, ending the pending record in the same transaction. If the query or the
 * commit fails, every file of this write (named after its write id) is deleted; if the coordinator
 * dies first, the next sweep of {@link PendingWrites} deletes them.
 */
final class TableWrite {
    private static final DateTimeFormatter WRITE_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * A task that was writing when its query failed may still store a file after the first sweep
     * (its cancel is on its way): a second sweep, once every task is surely stopped, takes it.
     */
    private static final long SECOND_SWEEP_MILLIS = 10_000;

    private final QueryManager queries;
    private final PendingWrites pending;

    TableWrite(QueryManager queries, PendingWrites pending) {
        this.queries = queries;
        this.pending = pending;
    }

    /**
     * What a write produced: the columns written, and the files committed, each with its
     * partition's name (null for a file of an unpartitioned table).
     */
    record Result(String writeId, List<ScanColumn> columns, List<WrittenFile> written, List<String> analysis) {
        long rows() {
            return written.stream().mapToLong(f -> f.file().rows()).sum();
        }

        long bytes() {
            return written.stream().mapToLong(f -> f.file().bytes()).sum();
        }

        /** The files of an unpartitioned table. */
        List<DataFile> files() {
            return written.stream().filter(f -> f.partition() == null).map(WrittenFile::file).toList();
        }

        /** The partitions written, each with its new files, under {@code location}. */
        List<Partition> partitions(List<String> keys, String location) {
            Map<String, List<DataFile>> byName = new TreeMap<>();
            for (WrittenFile file : written) {
                if (file.partition() != null) {
                    byName.computeIfAbsent(file.partition(), k -> new ArrayList<>()).add(file.file());
                }
            }
            List<Partition> partitions = new ArrayList<>();
            byName.forEach((name, files) -> partitions.add(new Partition(PartitionNames.values(keys, name), location + name + "/",
                    Optional.of(files))));
            return partitions;
        }
    }

    record WrittenFile(DataFile file, String partition) {
    }

    /**
     * Plans {@code query} as a write under {@code location} and, when {@code withData}, runs it;
     * then calls {@code commit} with the result. Returns the result once committed.
     */
    Result write(WriteSpec spec, SqlNode query, long startNanos, boolean withData, boolean analyze, TrackedQuery tracked,
                 Consumer<Result> commit) {
        String writeId = newWriteId();
        String location = spec.location();
        WriteTarget target = new WriteTarget(location, writeId, spec.compression(), WriteTarget.DEFAULT_MAX_ROWS_PER_FILE,
                spec.partitionColumns(), WriteTarget.DEFAULT_MAX_OPEN_WRITERS, spec.bucketedBy(), spec.bucketCount());
        PlannedQuery planned = queries.planner().planWrite(query, startNanos, target, tracked.session());
        tracked.planned(planned.phases());
        List<ScanColumn> columns = ((TableWriterNode) planned.root()).columns();
        pending.begin(writeId, location, spec.table());
        try {
            Result result;
            if (!withData) {
                result = new Result(writeId, columns, List.of(), List.of());
            } else if (analyze) {
                QueryManager.Analyzed<WrittenFile> analyzed = queries.runAnalyzed(planned, TableWrite::fileOf, tracked);
                result = new Result(writeId, columns, analyzed.rows(), analyzed.lines());
            } else {
                result = new Result(writeId, columns, run(planned, tracked), List.of());
            }
            // A cancel that came after the last file was written still wins: nothing is committed.
            tracked.cancellation().check();
            tracked.finishing();
            commit.accept(result);
            tracked.addRows(result.rows());
            return result;
        } catch (RuntimeException e) {
            pending.abandon(writeId, location, SECOND_SWEEP_MILLIS);
            throw e;
        }
    }

    private List<WrittenFile> run(PlannedQuery planned, TrackedQuery tracked) {
        try (RunningQuery query = queries.start(planned, tracked, false)) {
            tracked.cancellation().attach(query);
            return query.nextRows(Integer.MAX_VALUE, TableWrite::fileOf);
        }
    }

    /** A writer's output row: the file's path, bytes, rows and partition. */
    private static WrittenFile fileOf(RunningQuery.RowView row) {
        return new WrittenFile(new DataFile((String) row.value(0), (Long) row.value(1), (Long) row.value(2)), (String) row.value(3));
    }

    /** Unique to one write: its time and 40 random bits, as Trino's query ids (20261201_191602_...). */
    private static String newWriteId() {
        byte[] random = new byte[5];
        RANDOM.nextBytes(random);
        return LocalDateTime.now(ZoneOffset.UTC).format(WRITE_ID_TIME) + "_" + HexFormat.of().formatHex(random);
    }
}
