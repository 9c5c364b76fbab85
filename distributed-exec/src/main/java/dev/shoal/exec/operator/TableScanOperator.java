package dev.shoal.exec.operator;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.VectorBuilder;
import dev.shoal.core.catalog.PartitionValues;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.core.plan.Split;
import dev.shoal.core.plan.TableScanNode;
import dev.shoal.exec.dynamicfilter.RowGroupFilter;
import dev.shoal.exec.memory.OperatorMemory;
import dev.shoal.exec.task.TaskStats;
import dev.shoal.parquet.reader.FooterCache;
import dev.shoal.parquet.reader.ParquetSplitReader;
import dev.shoal.parquet.reader.RowRange;
import dev.shoal.parquet.store.ObjectStore;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Reads splits taken from the task's queue one after another, a row group per batch: each of the
 * pipeline's drivers takes the next split when done with one, so a large split does not hold up
 * the others, and the last splits are cut into pieces of row groups that every driver shares
 * ({@link ScanUnits}). A partition column is not
 * read from the file (Hive writers leave it out, and where one does not, the folder's value wins,
 * as in Hive and Trino): it is the split's partition value on every row. With a
 * {@link RowGroupFilter}, it waits briefly for the joins' dynamic filters before its first read, and
 * skips each row group whose statistics show it holds no key the joins keep.
 *
 * <p>Reads overlap decoding: once a row group's chunks are in, the next row group's are fetched on
 * the worker's fetch threads while this one is decoded, and the split after this one is taken and
 * its first row group fetched while this split's last is decoded. Until they arrive the operator is
 * blocked, and its driver gives its thread to another.
 */
public final class TableScanOperator implements SourceOperator {
    private final ScanContext context;
    private final TableScanNode node;
    private final TaskStats stats;
    private final ScanUnits units;
    /** Completes when a driver cutting a split puts its pieces back; null when not waiting for it. */
    private CompletableFuture<Void> waitingForPieces;
    private final OperatorMemory memory;
    private final RowGroupFilter rowGroups;
    private final ScanFilter filter;
    /** The share of a row group's rows kept by its filter past which the other columns are decoded whole, then gathered. */
    private static final double WHOLE_DECODE_ABOVE = 0.25;
    /** Pieces of row groups have at least this many rows: fewer would cost more in dictionaries and page indexes than they share. */
    public static final long MIN_PIECE_ROWS = 32_768;
    private boolean finished;
    private OpenSplit current;
    /** The split taken ahead of time while {@code current}'s last row group is decoded, or null. */
    private OpenSplit next;

    /**
     * {@code units}: shared by the drivers of the scan's pipeline; {@code memory}: where it states the
     * row groups it fetches and decodes (chunks as stored, then the decoded batch until it is passed on).
     */
    public TableScanOperator(ObjectStore store, TableScanNode node, TaskStats stats, ScanUnits units, OperatorMemory memory) {
        this(ScanContext.direct(store), node, stats, units, memory, null);
    }

    /** {@code rowGroups}: the joins' filters on the scan's columns, shared by its drivers, or null. */
    public TableScanOperator(ScanContext context, TableScanNode node, TaskStats stats, ScanUnits units,
                             OperatorMemory memory, RowGroupFilter rowGroups) {
        this(context, node, stats, units, memory, rowGroups, null);
    }

    /** {@code filter}: the filters right over the scan, which it applies before reading the other columns, or null. */
    public TableScanOperator(ScanContext context, TableScanNode node, TaskStats stats, ScanUnits units,
                             OperatorMemory memory, RowGroupFilter rowGroups, ScanFilter filter) {
        this.filter = filter;
        this.context = context;
        this.rowGroups = rowGroups;
        this.memory = memory;
        this.node = node;
        this.stats = stats;
        this.units = units;
    }

    /** The node's splits, as units its {@code drivers} share. */
    public static ScanUnits units(TableScanNode node, int drivers) {
        return new ScanUnits(node.splits(), drivers);
    }

    @Override
    public boolean isFinished() {
        return finished;
    }

    @Override
    public CompletableFuture<Void> isBlocked() {
        CompletableFuture<Void> filterKnown = filter == null ? NOT_BLOCKED : filter.blocked();
        if (!filterKnown.isDone()) {
            return filterKnown;
        }
        if (rowGroups != null && !rowGroups.published().isDone()) {
            return rowGroups.published();
        }
        if (waitingForPieces != null && !waitingForPieces.isDone()) {
            return waitingForPieces;
        }
        return current == null ? NOT_BLOCKED : current.reader.prefetchArrived();
    }

    @Override
    public Batch getOutput() {
        while (!finished) {
            if (current == null) {
                current = next != null ? next : openNext();
                next = null;
                if (current == null) {
                    if (!units.exhausted()) {
                        // Another driver is cutting a split: its pieces are coming.
                        waitingForPieces = units.changed();
                        if (!waitingForPieces.isDone()) {
                            return null;
                        }
                        continue;
                    }
                    finished = true;
                    memory.free();
                    return null;
                }
            }
            skipPrunedRowGroups(current);
            if (!current.reader.hasNextRowGroup()) {
                current.reader.close();
                if (current.unit.counted()) {
                    stats.splitsCompleted().increment();
                }
                current = null;
                continue;
            }
            prefetch(current);
            if (!current.reader.prefetchArrived().isDone()) {
                memory.setBytes(prefetchedBytes());
                return null;
            }
            // The previous batch was passed on: what is held now is the chunks fetched, then the batch decoded from them.
            memory.setBytes(current.reader.nextRowGroupBytes());
            ParquetSplitReader.RowGroup rowGroup = current.reader.readNextRowGroup();
            OpenSplit decoding = current;
            readAhead();
            stats.rowsRead().add(rowGroup.rowCount());
            Batch batch = filter == null ? decoded(decoding, rowGroup) : filtered(decoding, rowGroup);
            memory.setBytes((batch == null ? 0 : batch.retainedBytes()) + prefetchedBytes());
            if (batch != null) {
                return batch;
            }
        }
        return null;
    }

    private Batch decoded(OpenSplit split, ParquetSplitReader.RowGroup rowGroup) {
        Batch batch = split.reader.decode(rowGroup);
        return split.constants == null ? batch : split.withPartitionValues(batch, node.columns());
    }

    /**
     * The row group's rows the filter keeps, or null for none: the columns it reads decoded first, the others
     * then only at the rows kept. With partition columns (constants the filter may read), every column is decoded first.
     */
    private Batch filtered(OpenSplit split, ParquetSplitReader.RowGroup rowGroup) {
        int rows = rowGroup.rowCount();
        int[] positions = new int[rows];
        for (int i = 0; i < rows; i++) {
            positions[i] = i;
        }
        int[] filterColumns = filter.columns();
        if (split.constants != null) {
            Batch all = decoded(split, rowGroup);
            int kept = filter.select(all.select(filterColumns), positions, rows);
            return kept == rows ? all : kept == 0 ? null : all.take(positions, kept);
        }
        List<ColumnVector> read = new ArrayList<>(filterColumns.length);
        for (int column : filterColumns) {
            read.add(split.reader.decodeColumn(rowGroup, column, null, rows));
        }
        Batch filtered = new Batch(read, rows);
        int kept = filter.select(filtered, positions, rows);
        if (kept == 0) {
            return null;
        }
        boolean every = kept == rows;
        // Past a share of the rows, decoding whole pages in bulk and gathering beats looking values up one by one.
        boolean whole = every || kept > rows * WHOLE_DECODE_ABOVE;
        List<ColumnVector> out = new ArrayList<>(node.columns().size());
        int next = 0;
        for (int c = 0; c < node.columns().size(); c++) {
            boolean filterColumn = next < filterColumns.length && filterColumns[next] == c;
            ColumnVector column = filterColumn ? filtered.column(next++)
                    : split.reader.decodeColumn(rowGroup, c, whole ? null : positions, whole ? rows : kept);
            boolean hasEveryRow = filterColumn || whole;
            out.add(hasEveryRow && !every ? column.take(positions, kept) : column);
        }
        return new Batch(out, kept);
    }

    /** Starts fetching what comes after the row group just read: the split's next one, else the next split's first. */
    private void readAhead() {
        skipPrunedRowGroups(current);
        if (current.reader.hasNextRowGroup()) {
            prefetch(current);
        } else if (next == null && context.fetches() != null) {
            next = openNext();
            if (next != null) {
                skipPrunedRowGroups(next);
                prefetch(next);
            }
        }
    }

    private void prefetch(OpenSplit split) {
        if (context.fetches() != null) {
            split.reader.prefetchNextRowGroup(context.fetches());
        }
    }

    private long prefetchedBytes() {
        return current.reader.prefetchedBytes() + (next == null ? 0 : next.reader.prefetchedBytes());
    }

    private void skipPrunedRowGroups(OpenSplit split) {
        while (rowGroups != null && split.reader.hasNextRowGroup() && !rowGroups.mayMatch(split::nextRowGroupRange)) {
            split.reader.skipNextRowGroup();
            stats.rowGroupsSkipped().increment();
        }
    }

    /**
     * The next unit of work, opened (a unit taken to be cut is cut: a split into its row groups, or, when no split is
     * left whole, a split of one row group or a row group into pieces; then its first part is taken); null when there is
     * none now.
     */
    private OpenSplit openNext() {
        while (true) {
            ScanUnits.Taken taken = units.take();
            if (taken == null) {
                return null;
            }
            OpenSplit open = null;
            List<RowRange> parts = List.of();
            boolean pieces = false;
            try {
                open = new OpenSplit(taken.unit(), node.columns(), context, stats);
                if (taken.cut()) {
                    parts = taken.unit().range() == null ? open.reader.rowGroupRanges() : List.of();
                    if (parts.size() < 2 && taken.pieces()) {
                        parts = open.reader.pieces(units.piecesPerRowGroup(), MIN_PIECE_ROWS);
                        pieces = true;
                    }
                    parts = parts.size() > 1 ? parts : List.of();
                }
            } finally {
                if (taken.cut()) {
                    units.cut(taken.unit(), parts, pieces);
                }
            }
            if (parts.isEmpty()) {
                if (taken.unit().counted() && taken.unit().split().start() == 0) {
                    // Of a file's splits, exactly one starts at 0, and of its pieces, one is counted: this counts files.
                    stats.filesRead().increment();
                }
                return open;
            }
            open.reader.close();
        }
    }

    @Override
    public void close() {
        memory.free();
        for (OpenSplit split : new OpenSplit[] {current, next}) {
            if (split != null) {
                split.reader.close();
            }
        }
        current = null;
        next = null;
    }

    /** A split or a piece of one being read: its reader, and the values of its partition columns. */
    private static final class OpenSplit {
        final ScanUnits.Unit unit;
        final ParquetSplitReader reader;
        /** Each scan column's partition value, or null for a column read from the file; null when none is a partition column. */
        final List<Object> constants;
        /** Each scan column's index among the columns read from the file, or -1 for a partition column. */
        final int[] fileColumnOf;

        OpenSplit(ScanUnits.Unit unit, List<ScanColumn> columns, ScanContext context, TaskStats stats) {
            this.unit = unit;
            Split split = unit.split();
            List<ScanColumn> fileColumns = columns;
            if (split.partitionValues().isEmpty()) {
                constants = null;
                fileColumnOf = null;
            } else {
                fileColumns = new ArrayList<>();
                constants = new ArrayList<>();
                fileColumnOf = new int[columns.size()];
                for (int c = 0; c < fileColumnOf.length; c++) {
                    ScanColumn column = columns.get(c);
                    boolean partition = split.partitionValues().containsKey(column.name());
                    fileColumnOf[c] = partition ? -1 : fileColumns.size();
                    constants.add(partition ? PartitionValues.parse(split.partitionValues().get(column.name()), column.type(), column.name())
                            : null);
                    if (!partition) {
                        fileColumns.add(column);
                    }
                }
            }
            reader = new ParquetSplitReader(context.store(), new FooterCache.FileKey(split.uri(), split.length(), split.version()),
                    split.start(), split.end(), unit.range(), unit.dictionaries(), fileColumns, stats.bytesRead(), context.footers());
        }

        /** A scan column's range in the next row group: a partition column's value, else the file's statistics. */
        long[] nextRowGroupRange(int column) {
            if (constants == null) {
                return reader.nextRowGroupRange(column);
            }
            if (fileColumnOf[column] < 0) {
                return constants.get(column) instanceof Long value ? new long[] {value, value} : null;
            }
            return reader.nextRowGroupRange(fileColumnOf[column]);
        }

        Batch withPartitionValues(Batch fileBatch, List<ScanColumn> columns) {
            List<ColumnVector> vectors = new ArrayList<>(columns.size());
            for (int i = 0; i < columns.size(); i++) {
                vectors.add(fileColumnOf[i] < 0
                        ? VectorBuilder.constant(columns.get(i).type(), constants.get(i), fileBatch.rowCount())
                        : fileBatch.column(fileColumnOf[i]));
            }
            return new Batch(vectors, fileBatch.rowCount());
        }
    }
}
