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
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ColumnPath;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
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
 * Trino and Athena, so that tables survive added columns.
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
        this.location = Location.parse(file.uri());
        this.columns = List.copyOf(columns);
        try {
            this.input = new StoreInputFile(store, location, file.length(), bytesRead);
            ParquetMetadata footer = footers.get(file, () -> ParquetSchemaReader.footer(input));
            this.reader = new ParquetFileReader(input, rowGroupsIn(footer, start, end),
                    ParquetReadOptions.builder(new PlainParquetConfiguration()).build(), input.newStream());
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
        return reader.getRecordCount();
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
        for (ColumnChunkMetaData chunk : rowGroups.get(nextRowGroup).getColumns()) {
            if (requestedPaths.contains(chunk.getPath())) {
                bytes += chunk.getTotalSize();
            }
        }
        return bytes;
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

    /** A row group's requested chunks, fetched and not yet decoded. */
    public static final class RowGroup {
        private final PageReadStore pages;

        private RowGroup(PageReadStore pages) {
            this.pages = pages;
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
            PageReadStore pages = reader.readNextRowGroup();
            if (pages == null) {
                return null;
            }
            nextRowGroup++;
            return new RowGroup(pages);
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
            return positions == null ? decoders.get(column).decode(pages, rows) : decoders.get(column).decode(pages, rows, positions, count);
        } catch (ShoalException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ShoalException(ErrorCode.CORRUPT_FILE, "cannot read Parquet file " + location + ": " + e.getMessage(), e);
        }
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
        for (ColumnChunkMetaData chunk : reader.getRowGroups().get(nextRowGroup).getColumns()) {
            if (requestedPaths.contains(chunk.getPath())) {
                chunks.add(new long[] {chunk.getStartingPos(), chunk.getTotalSize()});
            }
        }
        input.prefetch(FetchRanges.of(chunks, input.mergeGapBytes()), fetches);
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
