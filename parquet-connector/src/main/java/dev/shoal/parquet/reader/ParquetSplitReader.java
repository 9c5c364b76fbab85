package dev.shoal.parquet.reader;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.VectorBuilder;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.parquet.store.Location;
import dev.shoal.parquet.store.ObjectStore;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.filter2.columnindex.RowRanges;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ColumnPath;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopCodecs;
import org.apache.parquet.internal.column.columnindex.OffsetIndex;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;

/**
 * Reads one Parquet file as batches, one per row group, holding only the requested columns.
 * Only those columns' chunks are fetched (parquet-java reads the projected chunks of a row group
 * in one ranged read per run of adjacent chunks). A column the file lacks reads as NULLs, as in
 * Trino and Athena, so that tables survive added columns. Given a {@link RowRange}, it reads only
 * that piece of one row group: the pages holding its rows, found by the file's offset index.
 */
public final class ParquetSplitReader implements AutoCloseable {
    private final Location location;
    private final List<ScanColumn> columns;
    private final ParquetFileReader reader;
    /** For each requested column, its descriptor in the file, or null when the file lacks it. */
    private final List<ColumnDescriptor> descriptors = new ArrayList<>();
    private final List<ColumnChunkDecoder> decoders = new ArrayList<>();
    /** The chunk paths of the requested columns the file has, each once. */
    private final Set<ColumnPath> requestedPaths = new HashSet<>();
    private final StoreInputFile input;
    /** Every row group of the file, as its footer lists them (a {@link RowRange} counts in it). */
    private final List<BlockMetaData> fileRowGroups;
    /** The piece of a row group read instead of the split's row groups, or null. */
    private final RowRange range;
    private final SharedDictionaries dictionaries;
    /** Of the split's row groups, the next one read. */
    private int nextRowGroup;
    /** The row group whose chunks were last fetched ahead, or -1. */
    private int prefetchedRowGroup = -1;

    public ParquetSplitReader(ObjectStore store, Location location, long length, List<ScanColumn> columns,
                              LongAdder bytesRead) {
        this(store, location, length, 0, length, columns, bytesRead);
    }

    /** Only the row groups whose middle byte lies in {@code [start, end)}. */
    public ParquetSplitReader(ObjectStore store, Location location, long length, long start, long end,
                              List<ScanColumn> columns, LongAdder bytesRead) {
        this(store, new FooterCache.FileKey(location.toString(), length, ""), start, end, columns, bytesRead, FooterCache.none());
    }

    /**
     * Only the row groups whose middle byte lies in {@code [start, end)} of {@code file}, its footer
     * taken from {@code footers} when held there.
     */
    public ParquetSplitReader(ObjectStore store, FooterCache.FileKey file, long start, long end,
                              List<ScanColumn> columns, LongAdder bytesRead, FooterCache footers) {
        this(store, file, start, end, null, null, columns, bytesRead, footers);
    }

    /**
     * Only {@code range} of the file when not null (the split's range then only names the file),
     * else the row groups whose middle byte lies in {@code [start, end)}. {@code dictionaries}: where
     * the pieces of the range's row group share their dictionaries, or null.
     */
    public ParquetSplitReader(ObjectStore store, FooterCache.FileKey file, long start, long end, RowRange range,
                              SharedDictionaries dictionaries, List<ScanColumn> columns, LongAdder bytesRead, FooterCache footers) {
        this.location = Location.parse(file.uri());
        this.columns = List.copyOf(columns);
        this.range = range;
        this.dictionaries = dictionaries;
        try {
            this.input = new StoreInputFile(store, location, file.length(), bytesRead);
            ParquetMetadata footer = footers.get(file, () -> ParquetSchemaReader.footer(input));
            this.fileRowGroups = footer.getBlocks();
            if (range != null && (range.rowGroup() >= fileRowGroups.size()
                    || range.endRow() > fileRowGroups.get(range.rowGroup()).getRowCount())) {
                throw new ShoalException(ErrorCode.CORRUPT_FILE, "Parquet file " + location + " has no rows " + range.firstRow()
                        + " to " + range.endRow() + " in row group " + range.rowGroup() + ": it changed while read");
            }
            ParquetMetadata read = range == null ? rowGroupsIn(footer, start, end)
                    : new ParquetMetadata(footer.getFileMetaData(), List.of(fileRowGroups.get(range.rowGroup())));
            PlainParquetConfiguration conf = new PlainParquetConfiguration();
            ParquetReadOptions options = ParquetReadOptions.builder(conf)
                    .withCodecFactory(new HeapSnappyCodecs(HadoopCodecs.newFactory(conf, 0))).build();
            this.reader = new ParquetFileReader(input, read, options, input.newStream());
        } catch (ShoalException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ShoalException(ErrorCode.CORRUPT_FILE, "cannot read Parquet file " + location + ": " + e.getMessage(), e);
        }
        try {
            MessageType fileSchema = reader.getFooter().getFileMetaData().getSchema();
            List<Type> projected = new ArrayList<>();
            for (ScanColumn column : columns) {
                Type field = findField(fileSchema, column.name());
                if (field == null) {
                    descriptors.add(null);
                    decoders.add(null);
                    continue;
                }
                if (!field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED)) {
                    throw new ShoalException(ErrorCode.NOT_SUPPORTED, "column " + column.name() + " of " + location
                            + " is a nested type, which Shoal cannot read yet");
                }
                ColumnDescriptor descriptor = fileSchema.getColumnDescription(new String[] {field.getName()});
                descriptors.add(descriptor);
                requestedPaths.add(ColumnPath.get(descriptor.getPath()));
                decoders.add(new ColumnChunkDecoder(descriptor, column.type(), location.toString()));
                if (!projected.contains(field)) {
                    projected.add(field);
                }
            }
            reader.setRequestedSchema(new MessageType(fileSchema.getName(), projected));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * The footer with only the row groups whose middle byte lies in {@code [start, end)}: Hadoop's rule,
     * so that however a file is cut into ranges, each row group is read by exactly one of them.
     */
    static ParquetMetadata rowGroupsIn(ParquetMetadata footer, long start, long end) {
        List<BlockMetaData> kept = new ArrayList<>();
        for (BlockMetaData block : footer.getBlocks()) {
            long middle = block.getStartingPos() + block.getCompressedSize() / 2;
            if (middle >= start && middle < end) {
                kept.add(block);
            }
        }
        return kept.size() == footer.getBlocks().size() ? footer : new ParquetMetadata(footer.getFileMetaData(), kept);
    }

    private static Type findField(MessageType schema, String name) {
        for (Type field : schema.getFields()) {
            if (field.getName().equals(name)) {
                return field;
            }
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (Type field : schema.getFields()) {
            if (field.getName().toLowerCase(Locale.ROOT).equals(lower)) {
                return field;
            }
        }
        return null;
    }

    public long rowCount() {
        return range == null ? reader.getRecordCount() : range.rowCount();
    }

    /**
     * What reading the next row group fetches into memory: its requested columns' chunks, as stored
     * (compressed); 0 at the end.
     */
    public long nextRowGroupBytes() {
        List<BlockMetaData> rowGroups = reader.getRowGroups();
        if (nextRowGroup >= rowGroups.size()) {
            return 0;
        }
        long bytes = 0;
        for (ColumnChunkMetaData chunk : requestedChunks(rowGroups.get(nextRowGroup))) {
            bytes += chunk.getTotalSize();
        }
        // A piece fetches its share of the pages.
        return range == null ? bytes : bytes * range.rowCount() / rowGroups.get(nextRowGroup).getRowCount();
    }

    public boolean hasNextRowGroup() {
        return nextRowGroup < reader.getRowGroups().size();
    }

    /**
     * Requested column {@code column}'s {min, max} in the next row group, from its statistics, for an
     * integer or date column (what a join key filter compares); null when they do not say.
     */
    public long[] nextRowGroupRange(int column) {
        ColumnDescriptor descriptor = descriptors.get(column);
        if (descriptor == null || !hasNextRowGroup() || !integral(descriptor.getPrimitiveType())) {
            return null;
        }
        ColumnPath path = ColumnPath.get(descriptor.getPath());
        for (ColumnChunkMetaData chunk : reader.getRowGroups().get(nextRowGroup).getColumns()) {
            if (chunk.getPath().equals(path)) {
                Statistics<?> statistics = chunk.getStatistics();
                if (statistics == null || statistics.isEmpty() || !statistics.hasNonNullValue()) {
                    return null;
                }
                return new long[] {((Number) statistics.genericGetMin()).longValue(), ((Number) statistics.genericGetMax()).longValue()};
            }
        }
        return null;
    }

    /** Signed INT32/INT64, plain or annotated as an integer or a date: statistics ordered as our longs are. */
    private static boolean integral(PrimitiveType type) {
        PrimitiveType.PrimitiveTypeName physical = type.getPrimitiveTypeName();
        if (physical != PrimitiveType.PrimitiveTypeName.INT32 && physical != PrimitiveType.PrimitiveTypeName.INT64) {
            return false;
        }
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        return logical == null || logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation
                || logical instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation integer && integer.isSigned();
    }

    /** Passes over the next row group without fetching it. */
    public void skipNextRowGroup() {
        if (reader.skipNextRowGroup()) {
            nextRowGroup++;
        }
    }

    /** The next row group as a batch, or null at the end of the file. */
    public Batch nextRowGroup() {
        RowGroup rowGroup = readNextRowGroup();
        return rowGroup == null ? null : decode(rowGroup);
    }

    /** Whether the range is less than its whole row group. */
    private boolean partial() {
        return range.rowCount() < fileRowGroups.get(range.rowGroup()).getRowCount();
    }

    /** A row group's requested chunks (or the pages of a piece of it), fetched and not yet decoded. */
    public static final class RowGroup {
        private final PageReadStore pages;
        /** The first row of a piece within its row group; 0 for a whole row group. */
        private final long pieceStart;

        private RowGroup(PageReadStore pages, long pieceStart) {
            this.pages = pages;
            this.pieceStart = pieceStart;
        }

        public int rowCount() {
            return Math.toIntExact(pages.getRowCount());
        }
    }

    /**
     * Fetches the next row group's requested chunks (from what was fetched ahead, when it was), or
     * null at the end of the file.
     */
    public RowGroup readNextRowGroup() {
        try {
            if (range != null && partial()) {
                if (!hasNextRowGroup()) {
                    return null;
                }
                nextRowGroup++;
                return new RowGroup(reader.readFilteredRowGroup(0, RowRanges.builder()
                        .addSelectedRange(range.firstRow(), range.endRow() - 1).build()), range.firstRow());
            }
            PageReadStore pages = reader.readNextRowGroup();
            if (pages == null) {
                return null;
            }
            nextRowGroup++;
            return new RowGroup(pages, 0);
        } catch (ShoalException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ShoalException(ErrorCode.CORRUPT_FILE, "cannot read Parquet file " + location + ": " + e.getMessage(), e);
        }
    }

    /** The row group's rows as a batch. */
    public Batch decode(RowGroup rowGroup) {
        int rows = rowGroup.rowCount();
        List<ColumnVector> vectors = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            vectors.add(decodeColumn(rowGroup, i, null, rows));
        }
        return new Batch(vectors, rows);
    }

    /**
     * Requested column {@code column} of the row group: every row when {@code positions} is null, else only
     * the rows at {@code positions[0 .. count)} (ascending). Each column of a row group is decoded at most once.
     */
    public ColumnVector decodeColumn(RowGroup rowGroup, int column, int[] positions, int count) {
        try {
            int rows = rowGroup.rowCount();
            ColumnDescriptor descriptor = descriptors.get(column);
            if (descriptor == null) {
                return VectorBuilder.constant(columns.get(column).type(), null, positions == null ? rows : count);
            }
            PageReader pages = rowGroup.pages.getPageReader(descriptor);
            // A piece's pages overlap it: each says where it starts, and the rows outside are left out.
            return positions == null ? decoders.get(column).decode(pages, rows, rowGroup.pieceStart, dictionaries)
                    : decoders.get(column).decode(pages, rows, positions, count, rowGroup.pieceStart, dictionaries);
        } catch (ShoalException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ShoalException(ErrorCode.CORRUPT_FILE, "cannot read Parquet file " + location + ": " + e.getMessage(), e);
        }
    }

    /** The split's row groups, each whole: units that drivers share without the page index pieces need. */
    public List<RowRange> rowGroupRanges() {
        List<RowRange> ranges = new ArrayList<>();
        for (BlockMetaData block : reader.getRowGroups()) {
            ranges.add(new RowRange(indexInFile(block), 0, block.getRowCount()));
        }
        return ranges;
    }

    /**
     * The split's row groups cut into pieces of at least {@code minRows} rows, at most {@code maxPieces}
     * a row group, cut where the first requested column's pages start (writers mostly start every
     * column's pages at the same rows, so no page is decoded twice). A row group too small to cut is one
     * piece. Empty when the file cannot be read by pieces: a requested column without an offset index
     * (written before Parquet 1.11), or none the file has.
     */
    public List<RowRange> pieces(int maxPieces, long minRows) {
        List<RowRange> pieces = new ArrayList<>();
        try {
            for (BlockMetaData block : reader.getRowGroups()) {
                List<ColumnChunkMetaData> requested = requestedChunks(block);
                if (requested.isEmpty() || requested.stream().anyMatch(chunk -> chunk.getOffsetIndexReference() == null)) {
                    return List.of();
                }
                int rowGroup = indexInFile(block);
                long rows = block.getRowCount();
                int count = (int) Math.max(1, Math.min(maxPieces, rows / minRows));
                if (count == 1) {
                    pieces.add(new RowRange(rowGroup, 0, rows));
                    continue;
                }
                OffsetIndex pages = reader.readOffsetIndex(requested.get(0));
                long first = 0;
                for (int piece = 1; piece < count && first < rows; piece++) {
                    long cut = pageStartNear(pages, rows * piece / count);
                    if (cut > first && cut < rows) {
                        pieces.add(new RowRange(rowGroup, first, cut - first));
                        first = cut;
                    }
                }
                pieces.add(new RowRange(rowGroup, first, rows - first));
            }
        } catch (IOException | RuntimeException e) {
            throw new ShoalException(ErrorCode.CORRUPT_FILE, "cannot read the page index of Parquet file " + location + ": "
                    + e.getMessage(), e);
        }
        return pieces;
    }

    /** The first row of the page that starts nearest {@code row}. */
    private static long pageStartNear(OffsetIndex pages, long row) {
        long best = 0;
        for (int page = 0; page < pages.getPageCount(); page++) {
            long start = pages.getFirstRowIndex(page);
            if (Math.abs(start - row) < Math.abs(best - row)) {
                best = start;
            }
        }
        return best;
    }

    private int indexInFile(BlockMetaData block) {
        for (int i = 0; i < fileRowGroups.size(); i++) {
            if (fileRowGroups.get(i) == block) {
                return i;
            }
        }
        throw new IllegalStateException("row group not in its file's footer");
    }

    private List<ColumnChunkMetaData> requestedChunks(BlockMetaData block) {
        List<ColumnChunkMetaData> chunks = new ArrayList<>();
        for (ColumnChunkMetaData chunk : block.getColumns()) {
            if (requestedPaths.contains(chunk.getPath())) {
                chunks.add(chunk);
            }
        }
        return chunks;
    }

    /**
     * Starts fetching the next row group's requested chunks on {@code fetches}, one range per run of
     * adjacent or nearly adjacent chunks ({@link FetchRanges}); nothing at the end, or when started.
     */
    public void prefetchNextRowGroup(Executor fetches) {
        if (!hasNextRowGroup() || prefetchedRowGroup == nextRowGroup) {
            return;
        }
        prefetchedRowGroup = nextRowGroup;
        List<long[]> chunks = new ArrayList<>();
        for (ColumnChunkMetaData chunk : requestedChunks(reader.getRowGroups().get(nextRowGroup))) {
            if (range != null && partial()) {
                chunks.addAll(pieceBytes(chunk));
            } else {
                chunks.add(new long[] {chunk.getStartingPos(), chunk.getTotalSize()});
            }
        }
        input.prefetch(FetchRanges.of(chunks, input.mergeGapBytes()), fetches);
    }

    /**
     * Where the piece's rows of {@code chunk} are stored, as parquet-java reads them: its dictionary
     * page (what comes before its first data page), then the run of pages overlapping the piece.
     */
    private List<long[]> pieceBytes(ColumnChunkMetaData chunk) {
        OffsetIndex pages;
        try {
            // The store readFilteredRowGroup reads them from too: each offset index is parsed once a piece.
            pages = reader.getColumnIndexStore(0).getOffsetIndex(chunk.getPath());
        } catch (RuntimeException e) {
            // Not fetched ahead then: the read fetches what it needs, and reports what fails.
            return List.of();
        }
        List<long[]> ranges = new ArrayList<>();
        long firstPage = pages.getOffset(0);
        if (chunk.getStartingPos() < firstPage) {
            ranges.add(new long[] {chunk.getStartingPos(), firstPage - chunk.getStartingPos()});
        }
        long rows = fileRowGroups.get(range.rowGroup()).getRowCount();
        long from = -1;
        long to = -1;
        for (int page = 0; page < pages.getPageCount(); page++) {
            if (pages.getFirstRowIndex(page) < range.endRow() && pages.getLastRowIndex(page, rows) >= range.firstRow()) {
                from = from < 0 ? pages.getOffset(page) : from;
                to = pages.getOffset(page) + pages.getCompressedPageSize(page);
            }
        }
        if (from >= 0) {
            ranges.add(new long[] {from, to - from});
        }
        return ranges;
    }

    /** Done once what {@link #prefetchNextRowGroup} started has arrived; done at once when nothing was. */
    public CompletableFuture<Void> prefetchArrived() {
        return input.prefetchedArrived();
    }

    /** What has been fetched ahead and not yet read. */
    public long prefetchedBytes() {
        return prefetchedRowGroup == nextRowGroup ? input.prefetchedBytes() : 0;
    }

    @Override
    public void close() {
        input.dropPrefetched();
        try {
            reader.close();
        } catch (IOException e) {
            // Nothing to lose: the file is read-only and fully consumed or abandoned.
        }
    }
}
