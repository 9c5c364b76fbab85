package dev.shoal.exec.operator;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.VectorBuilder;
import dev.shoal.core.expr.Call;
import dev.shoal.core.expr.Expr;
import dev.shoal.core.expr.Exprs;
import dev.shoal.core.expr.InputRef;
import dev.shoal.core.expr.Literal;
import dev.shoal.core.expr.Op;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.core.plan.Split;
import dev.shoal.core.plan.TableScanNode;
import dev.shoal.core.type.DataType;
import dev.shoal.exec.expression.ExpressionCompiler;
import dev.shoal.exec.memory.MemoryPool;
import dev.shoal.exec.memory.TaskMemory;
import dev.shoal.exec.task.TaskStats;
import dev.shoal.parquet.reader.FooterCache;
import dev.shoal.parquet.store.LocalObjectStore;
import dev.shoal.parquet.store.Location;
import dev.shoal.parquet.store.ObjectInfo;
import dev.shoal.parquet.store.ObjectStore;
import dev.shoal.parquet.writer.ParquetBatchWriter;
import dev.shoal.parquet.writer.ParquetWriteOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scan reading ahead: the same rows as reading in place, a blocked future while a fetch is under way, memory freed. */
class TableScanOperatorTest {
    private static final int ROWS_PER_FILE = 20_000;
    private static final List<ScanColumn> FILE_COLUMNS = List.of(new ScanColumn("id", DataType.BIGINT),
            new ScanColumn("label", DataType.VARCHAR));

    @TempDir
    static Path root;
    private static final LocalObjectStore STORE = new LocalObjectStore();
    private static final List<Split> SPLITS = new ArrayList<>();
    private static ExecutorService fetches;

    @BeforeAll
    static void writeFiles() {
        fetches = Executors.newCachedThreadPool();
        for (int f = 0; f < 3; f++) {
            Location location = Location.ofFile(root.resolve("region=" + f).resolve("part-" + f + ".parquet"));
            write(location, f * ROWS_PER_FILE);
            long length = STORE.length(location);
            // Each file in three ranges, as the coordinator cuts files among drivers; each of a partition.
            long third = length / 3;
            for (long[] range : new long[][] {{0, third}, {third, 2 * third}, {2 * third, length}}) {
                SPLITS.add(new Split(location.toString(), length, range[0], range[1], Map.of("region", Integer.toString(f)), "v1"));
            }
        }
    }

    @AfterAll
    static void stop() {
        fetches.shutdownNow();
    }

    @Test
    void twoDriversReadingAheadReturnEveryRowOnceWithItsPartitionValue() {
        TaskMemory memory = new MemoryPool().newTask();
        List<Long> inPlace = scanAll(ScanContext.direct(STORE), memory, 1);
        List<Long> ahead = scanAll(new ScanContext(STORE, FooterCache.of(1 << 20), fetches), memory, 2);

        assertEquals(3 * ROWS_PER_FILE, inPlace.size());
        assertEquals(sorted(inPlace), sorted(ahead));
        assertEquals(0, memory.reservedBytes());
    }

    @Test
    void blockedWhileTheNextRowGroupIsFetchedThenReadsIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        GatedStore gated = new GatedStore(STORE, release, Thread.currentThread());
        TaskMemory memory = new MemoryPool().newTask();
        ScanUnits queue = new ScanUnits(SPLITS.subList(0, 1), 1);
        TableScanOperator scan = new TableScanOperator(new ScanContext(gated, FooterCache.none(), fetches), node(), new TaskStats(),
                queue, memory.operator("TableScan"), null);

        assertNull(scan.getOutput(), "the first row group is still being fetched");
        assertFalse(scan.isBlocked().isDone());
        assertTrue(memory.reservedBytes() > 0, "what is being fetched is reserved");
        release.countDown();
        scan.isBlocked().get(10, TimeUnit.SECONDS);
        Batch batch = scan.getOutput();
        assertTrue(batch != null && batch.rowCount() > 0);
        assertEquals(0L, batch.column(2).valueAt(0), "the split's partition value");
        scan.close();
        assertEquals(0, memory.reservedBytes());
    }

    /**
     * Filters applied by the scan (the columns they read decoded first, the others only at the rows kept) keep the rows
     * a filter after the scan keeps: a narrow range of one column, most rows, scattered rows of the other column, and
     * (splits with partition values) a condition on the partition column.
     */
    @Test
    void filtersAppliedByTheScanKeepTheRowsAFilterAfterItKeeps() {
        Expr id = new InputRef(0, DataType.BIGINT);
        Expr label = new InputRef(1, DataType.VARCHAR);
        Expr region = new InputRef(2, DataType.BIGINT);
        List<List<Expr>> predicates = List.of(
                List.of(new Call(Op.GREATER_THAN_OR_EQUAL, DataType.BOOLEAN, id, Literal.ofLong(21_000, DataType.BIGINT)),
                        new Call(Op.LESS_THAN, DataType.BOOLEAN, id, Literal.ofLong(21_300, DataType.BIGINT))),
                List.of(new Call(Op.LESS_THAN, DataType.BOOLEAN, id, Literal.ofLong(55_000, DataType.BIGINT))),
                List.of(new Call(Op.EQUAL, DataType.BOOLEAN, label, Literal.ofString("label-5"))),
                List.of(new Call(Op.EQUAL, DataType.BOOLEAN, region, Literal.ofLong(1, DataType.BIGINT)),
                        new Call(Op.LESS_THAN, DataType.BOOLEAN, id, Literal.ofLong(20_500, DataType.BIGINT))));
        TaskMemory memory = new MemoryPool().newTask();
        // The same files read as a table without partitions (id, label), and with them (id, label, region).
        TableScanNode unpartitioned = new TableScanNode("t", FILE_COLUMNS, SPLITS.stream()
                .map(s -> new Split(s.uri(), s.length(), s.start(), s.end(), Map.of(), s.version())).toList());
        for (List<Expr> conjuncts : predicates) {
            TableScanNode node = read(conjuncts).get(2) ? node() : unpartitioned;
            List<List<Object>> after = rows(scanFiltered(memory, null, node),
                    new FilterOperator(conjuncts.stream().map(ExpressionCompiler::compile).toList()));
            int[] columns = read(conjuncts).stream().toArray();
            int[] position = new int[3];
            for (int i = 0; i < columns.length; i++) {
                position[columns[i]] = i;
            }
            ScanFilter filter = new ScanFilter(columns, null,
                    new ConjunctSelector(conjuncts.stream().map(c -> ExpressionCompiler.compile(Exprs.remap(c, position))).toList()), new LongAdder());
            List<List<Object>> inScan = rows(scanFiltered(memory, filter, node), null);
            assertFalse(after.isEmpty());
            assertEquals(after, inScan, conjuncts.toString());
        }
        assertEquals(0, memory.reservedBytes());
    }

    private static BitSet read(List<Expr> conjuncts) {
        BitSet read = new BitSet();
        conjuncts.forEach(c -> Exprs.collectInputs(c, read));
        return read;
    }

    /** Every batch of one scan over every split, in order. */
    private static List<Batch> scanFiltered(TaskMemory memory, ScanFilter filter, TableScanNode node) {
        TableScanOperator scan = new TableScanOperator(ScanContext.direct(STORE), node, new TaskStats(), TableScanOperator.units(node, 1),
                memory.operator("TableScan"), null, filter);
        List<Batch> batches = new ArrayList<>();
        while (!scan.isFinished()) {
            Batch batch = scan.getOutput();
            if (batch != null) {
                batches.add(batch);
            }
        }
        scan.close();
        return batches;
    }

    /** The rows of {@code batches}, each through {@code filter} when there is one. */
    private static List<List<Object>> rows(List<Batch> batches, FilterOperator filter) {
        List<List<Object>> rows = new ArrayList<>();
        for (Batch batch : batches) {
            Batch kept = filter == null ? batch : filter.process(batch);
            for (int r = 0; kept != null && r < kept.rowCount(); r++) {
                List<Object> row = new ArrayList<>();
                for (int c = 0; c < kept.columnCount(); c++) {
                    row.add(kept.column(c).valueAt(r));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** Runs {@code drivers} scans over one split queue, turn by turn, as a driver pool would. */
    private static List<Long> scanAll(ScanContext context, TaskMemory memory, int drivers) {
        ScanUnits queue = TableScanOperator.units(node(), drivers);
        TaskStats stats = new TaskStats();
        List<TableScanOperator> scans = new ArrayList<>();
        for (int d = 0; d < drivers; d++) {
            scans.add(new TableScanOperator(context, node(), stats, queue, memory.operator("TableScan"), null));
        }
        List<Long> ids = new ArrayList<>();
        while (scans.stream().anyMatch(s -> !s.isFinished())) {
            for (TableScanOperator scan : scans) {
                if (scan.isFinished()) {
                    continue;
                }
                scan.isBlocked().join();
                Batch batch = scan.getOutput();
                if (batch != null) {
                    for (int row = 0; row < batch.rowCount(); row++) {
                        long id = (Long) batch.column(0).valueAt(row);
                        assertEquals(id / ROWS_PER_FILE, (Long) batch.column(2).valueAt(row), "partition value of row " + id);
                        ids.add(id);
                    }
                }
            }
        }
        scans.forEach(TableScanOperator::close);
        assertEquals(9, stats.splitsCompleted().sum());
        return ids;
    }

    /**
     * A table of one file of one large row group, read by two drivers: the split is cut into pieces of the row group,
     * which both drivers read, every row once, and counted as one split and one file.
     */
    @Test
    void twoDriversShareTheOneRowGroupOfASingleSplit() {
        int rows = 200_000;
        Location location = Location.ofFile(root.resolve("single").resolve("big.parquet"));
        List<VectorBuilder> builders = FILE_COLUMNS.stream().map(c -> VectorBuilder.create(c.type(), rows)).toList();
        for (int i = 0; i < rows; i++) {
            builders.get(0).appendValue((long) i);
            builders.get(1).appendValue(i % 13 == 0 ? null : "label-" + (i % 101));
        }
        try (ParquetBatchWriter writer = new ParquetBatchWriter(STORE, location, FILE_COLUMNS,
                ParquetWriteOptions.defaults().withPageBytes(8 * 1024))) {
            writer.write(new Batch(builders.stream().map(VectorBuilder::build).toList(), rows));
        }
        long length = STORE.length(location);
        TableScanNode node = new TableScanNode("t", FILE_COLUMNS, List.of(new Split(location.toString(), length, 0, length, Map.of(), "v1")));
        ScanUnits units = TableScanOperator.units(node, 2);
        TaskStats stats = new TaskStats();
        TaskMemory memory = new MemoryPool().newTask();
        ScanContext context = new ScanContext(STORE, FooterCache.of(1 << 20), fetches);
        List<TableScanOperator> scans = List.of(
                new TableScanOperator(context, node, stats, units, memory.operator("TableScan"), null),
                new TableScanOperator(context, node, stats, units, memory.operator("TableScan"), null));
        List<List<Long>> ids = List.of(new ArrayList<>(), new ArrayList<>());
        while (scans.stream().anyMatch(scan -> !scan.isFinished())) {
            for (int d = 0; d < scans.size(); d++) {
                TableScanOperator scan = scans.get(d);
                if (scan.isFinished()) {
                    continue;
                }
                scan.isBlocked().join();
                Batch batch = scan.getOutput();
                for (int row = 0; batch != null && row < batch.rowCount(); row++) {
                    ids.get(d).add((Long) batch.column(0).valueAt(row));
                }
            }
        }
        scans.forEach(TableScanOperator::close);

        assertFalse(ids.get(0).isEmpty(), "the first driver read a piece");
        assertFalse(ids.get(1).isEmpty(), "the second driver read a piece");
        List<Long> all = new ArrayList<>(ids.get(0));
        all.addAll(ids.get(1));
        assertEquals(java.util.stream.LongStream.range(0, rows).boxed().toList(), sorted(all));
        assertEquals(1, stats.splitsCompleted().sum());
        assertEquals(1, stats.filesRead().sum());
        assertEquals(0, memory.reservedBytes());
    }

    private static TableScanNode node() {
        return new TableScanNode("t", List.of(FILE_COLUMNS.get(0), FILE_COLUMNS.get(1), new ScanColumn("region", DataType.BIGINT)),
                SPLITS);
    }

    private static List<Long> sorted(List<Long> ids) {
        return ids.stream().sorted().toList();
    }

    private static void write(Location location, long firstId) {
        List<VectorBuilder> builders = FILE_COLUMNS.stream().map(c -> VectorBuilder.create(c.type(), ROWS_PER_FILE)).toList();
        for (int i = 0; i < ROWS_PER_FILE; i++) {
            builders.get(0).appendValue(firstId + i);
            builders.get(1).appendValue(i % 9 == 0 ? null : "label-" + (i % 97));
        }
        try (ParquetBatchWriter writer = new ParquetBatchWriter(STORE, location, FILE_COLUMNS,
                ParquetWriteOptions.defaults().withRowGroupBytes(32 * 1024))) {
            writer.write(new Batch(builders.stream().map(VectorBuilder::build).toList(), ROWS_PER_FILE));
        }
    }

    /** Reads on the test's own thread pass (the footer); reads on other threads (fetches ahead) wait for {@code release}. */
    private record GatedStore(ObjectStore delegate, CountDownLatch release, Thread owner) implements ObjectStore {
        @Override
        public byte[] read(Location location, long offset, int length) {
            if (Thread.currentThread() != owner) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return delegate.read(location, offset, length);
        }

        @Override
        public long length(Location location) {
            return delegate.length(location);
        }

        @Override
        public List<ObjectInfo> list(Location prefix) {
            return delegate.list(prefix);
        }

        @Override
        public void write(Location location, byte[] content) {
            delegate.write(location, content);
        }

        @Override
        public void delete(Location location) {
            delegate.delete(location);
        }
    }
}
