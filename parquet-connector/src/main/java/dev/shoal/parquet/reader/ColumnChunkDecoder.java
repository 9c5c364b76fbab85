package dev.shoal.parquet.reader;

import dev.shoal.core.batch.BooleansBuilder;
import dev.shoal.core.batch.BytesBuilder;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.DoublesBuilder;
import dev.shoal.core.batch.Int128Vector;
import dev.shoal.core.batch.LongsBuilder;
import dev.shoal.core.batch.VectorBuilder;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.type.DataType;
import dev.shoal.core.type.TypeKind;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ValuesType;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridDecoder;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Decodes the pages of one flat column chunk straight into a column vector: definition levels
 * give the nulls, the values reader (PLAIN, dictionary, RLE, delta: whatever the page says)
 * gives the values, which are converted once to Shoal's representation.
 */
final class ColumnChunkDecoder {
    private static final long JULIAN_DAY_OF_EPOCH = 2_440_588L;
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private final ColumnDescriptor column;
    private final DataType target;
    private final String file;
    private final ValueConverter converter;
    private final BulkPageDecoder fastPath;
    private final long rescale;

    ColumnChunkDecoder(ColumnDescriptor column, DataType target, String file) {
        this.column = column;
        this.target = target;
        this.file = file;
        this.rescale = rescaleOf(column, target);
        this.converter = converterFor(column.getPrimitiveType(), target);
        this.fastPath = new BulkPageDecoder(column, target, rescale, this);
    }

    /** The factor from the file's decimal scale to the target's (1 for non-decimals). */
    private long rescaleOf(ColumnDescriptor column, DataType target) {
        LogicalTypeAnnotation logical = column.getPrimitiveType().getLogicalTypeAnnotation();
        return decimalRescale(logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d ? d.getScale() : 0, target);
    }

    String file() {
        return file;
    }

    /**
     * Every row of a row group, or of a piece of one: its {@code rowCount} rows from row {@code pieceStart}.
     * A piece's pages say at which row they start; one reaching outside the piece (where it was not cut at
     * a page start of this column) is decoded whole, and only its rows in the piece are kept. {@code shared}:
     * where the pieces of a row group share its dictionaries, or null.
     */
    ColumnVector decode(PageReader pages, int rowCount, long pieceStart, SharedDictionaries shared) throws IOException {
        VectorBuilder builder = VectorBuilder.create(target, rowCount);
        ChunkDictionary chunkDictionary = dictionaryOf(pages, shared);
        Dictionary dictionary = chunkDictionary.dictionary();
        DictionaryValues dictionaryValues = chunkDictionary.values();
        boolean piece = false;
        for (DataPage page = pages.readPage(); page != null; page = pages.readPage()) {
            if (page.getFirstRowIndex().isEmpty()) {
                decodePage(page, dictionary, dictionaryValues, builder);
                continue;
            }
            piece = true;
            long pageStart = page.getFirstRowIndex().get() - pieceStart;
            long pageEnd = pageStart + page.getValueCount();
            if (pageStart >= 0 && pageEnd <= rowCount) {
                decodePage(page, dictionary, dictionaryValues, builder);
            } else if (pageEnd > 0 && pageStart < rowCount) {
                VectorBuilder whole = VectorBuilder.create(target, page.getValueCount());
                decodePage(page, dictionary, dictionaryValues, whole);
                ColumnVector values = whole.build();
                for (long row = Math.max(0, pageStart); row < Math.min(pageEnd, rowCount); row++) {
                    builder.appendFrom(values, (int) (row - pageStart));
                }
            }
        }
        if (builder.size() != rowCount) {
            throw new ShoalException(ErrorCode.CORRUPT_FILE, "column " + column.getPath()[0] + " of " + file
                    + " has " + builder.size() + " values in a " + (piece ? "piece" : "row group") + " of " + rowCount + " rows");
        }
        return builder.build();
    }

    /**
     * Only the rows at {@code positions[0 .. count)} (ascending) of a row group of {@code rowCount}
     * rows: the rows a filter on other columns kept. A page holding none of them is passed over
     * undecoded, and a page's selected values are looked up alone where its encoding allows. Of a
     * piece of a row group (its pages then say at which row they start), positions count from its
     * first row, {@code pieceStart}.
     */
    ColumnVector decode(PageReader pages, int rowCount, int[] positions, int count, long pieceStart, SharedDictionaries shared)
            throws IOException {
        VectorBuilder builder = VectorBuilder.create(target, count);
        ChunkDictionary chunkDictionary = null;
        Dictionary dictionary = null;
        DictionaryValues dictionaryValues = null;
        int pageStart = 0;
        int next = 0;
        for (DataPage page = pages.readPage(); page != null && next < count; page = pages.readPage()) {
            if (page.getFirstRowIndex().isPresent()) {
                pageStart = Math.toIntExact(page.getFirstRowIndex().get() - pieceStart);
            }
            int pageEnd = pageStart + page.getValueCount();
            int last = next;
            while (last < count && positions[last] < pageEnd) {
                last++;
            }
            if (last > next) {
                if (chunkDictionary == null) {
                    // Only once a page is decoded: a chunk none of whose rows are kept needs no dictionary.
                    chunkDictionary = dictionaryOf(pages, shared);
                    dictionary = chunkDictionary.dictionary();
                    dictionaryValues = chunkDictionary.values();
                }
                if (last - next == page.getValueCount()) {
                    decodePage(page, dictionary, dictionaryValues, builder);
                } else if (!fastPath.decodeSelected(page, dictionaryValues, builder, positions, next, last, pageStart)) {
                    VectorBuilder whole = VectorBuilder.create(target, page.getValueCount());
                    decodePage(page, dictionary, dictionaryValues, whole);
                    ColumnVector values = whole.build();
                    for (int p = next; p < last; p++) {
                        builder.appendFrom(values, positions[p] - pageStart);
                    }
                }
            }
            next = last;
            pageStart = pageEnd;
        }
        if (builder.size() != count) {
            throw new ShoalException(ErrorCode.CORRUPT_FILE, "column " + column.getPath()[0] + " of " + file
                    + " has fewer values than its row group's " + rowCount + " rows");
        }
        return builder.build();
    }

    /** A chunk's dictionary, as parquet-java decodes it and converted to Shoal's values; both null without one. */
    record ChunkDictionary(Dictionary dictionary, DictionaryValues values) {
        static final ChunkDictionary NONE = new ChunkDictionary(null, null);
    }

    /** The chunk's dictionary, from {@code shared} when the pieces of its row group share them (null: decoded here). */
    private ChunkDictionary dictionaryOf(PageReader pages, SharedDictionaries shared) throws IOException {
        if (shared == null) {
            return readDictionary(pages);
        }
        return shared.get(column.getPath()[0], () -> readDictionary(pages));
    }

    private ChunkDictionary readDictionary(PageReader pages) throws IOException {
        DictionaryPage page = pages.readDictionaryPage();
        if (page == null) {
            return ChunkDictionary.NONE;
        }
        Dictionary dictionary = page.getEncoding().initDictionary(column, page);
        return new ChunkDictionary(dictionary, DictionaryValues.of(dictionary, column, target, rescale, this));
    }

    private void decodePage(DataPage page, Dictionary dictionary, DictionaryValues dictionaryValues, VectorBuilder builder)
            throws IOException {
        if (fastPath.decode(page, dictionaryValues, builder)) {
            return;
        }
        int maxDefinition = column.getMaxDefinitionLevel();
        PageValues values = open(page, dictionary);
        if (maxDefinition == 0 || hasNoNulls(page)) {
            // Every level would say "defined": skip decoding them, one call per value saved.
            for (int i = 0; i < values.count; i++) {
                converter.append(values.reader, builder);
            }
            return;
        }
        for (int i = 0; i < values.count; i++) {
            if (values.levels.next() == maxDefinition) {
                converter.append(values.reader, builder);
            } else {
                builder.appendNull();
            }
        }
    }

    /** True when the page's statistics promise no NULLs (writers record null counts by default). */
    private static boolean hasNoNulls(DataPage page) {
        if (page instanceof DataPageV2 v2) {
            return v2.getNullCount() == 0;
        }
        Statistics<?> statistics = ((DataPageV1) page).getStatistics();
        return statistics != null && !statistics.isEmpty() && statistics.isNumNullsSet() && statistics.getNumNulls() == 0;
    }

    private record PageValues(int count, LevelReader levels, ValuesReader reader) {
    }

    private interface LevelReader {
        int next() throws IOException;
    }

    private PageValues open(DataPage page, Dictionary dictionary) throws IOException {
        if (page instanceof DataPageV1 v1) {
            ByteBufferInputStream in = v1.getBytes().toInputStream();
            ValuesReader repetition = v1.getRlEncoding().getValuesReader(column, ValuesType.REPETITION_LEVEL);
            ValuesReader definition = v1.getDlEncoding().getValuesReader(column, ValuesType.DEFINITION_LEVEL);
            repetition.initFromPage(v1.getValueCount(), in);
            definition.initFromPage(v1.getValueCount(), in);
            ValuesReader values = valuesReader(v1.getValueEncoding(), dictionary);
            values.initFromPage(v1.getValueCount(), in);
            return new PageValues(v1.getValueCount(), definition::readInteger, values);
        }
        DataPageV2 v2 = (DataPageV2) page;
        int bitWidth = BytesUtils.getWidthFromMaxInt(column.getMaxDefinitionLevel());
        RunLengthBitPackingHybridDecoder definition = bitWidth == 0 ? null
                : new RunLengthBitPackingHybridDecoder(bitWidth, v2.getDefinitionLevels().toInputStream());
        ValuesReader values = valuesReader(v2.getDataEncoding(), dictionary);
        values.initFromPage(v2.getValueCount(), v2.getData().toInputStream());
        return new PageValues(v2.getValueCount(), definition == null ? () -> 0 : definition::readInt, values);
    }

    private ValuesReader valuesReader(Encoding encoding, Dictionary dictionary) {
        if (encoding.usesDictionary()) {
            if (dictionary == null) {
                throw new ShoalException(ErrorCode.CORRUPT_FILE, "column " + column.getPath()[0] + " of " + file
                        + " has dictionary-encoded pages but no dictionary page");
            }
            return encoding.getDictionaryBasedValuesReader(column, ValuesType.VALUES, dictionary);
        }
        return encoding.getValuesReader(column, ValuesType.VALUES);
    }

    /** Reads one value from a page and appends it, converted to the target type. */
    @FunctionalInterface
    private interface ValueConverter {
        void append(ValuesReader reader, VectorBuilder builder);
    }

    private ValueConverter converterFor(PrimitiveType type, DataType target) {
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        return switch (type.getPrimitiveTypeName()) {
            case BOOLEAN -> requireStorage(TypeKind.Storage.BOOLEAN, type,
                    (r, b) -> ((BooleansBuilder) b).append(r.readBoolean()));
            case INT32 -> target.storage() == TypeKind.Storage.DOUBLE
                    ? (r, b) -> ((DoublesBuilder) b).append(r.readInteger())
                    : requireStorage(TypeKind.Storage.LONG, type,
                            (r, b) -> ((LongsBuilder) b).append(r.readInteger() * rescale));
            case INT64 -> {
                long divisor = timestampDivisor(logical);
                long multiplier = timestampMultiplier(logical) * rescale;
                yield requireStorage(TypeKind.Storage.LONG, type,
                        (r, b) -> ((LongsBuilder) b).append(r.readLong() * multiplier / divisor));
            }
            case INT96 -> requireStorage(TypeKind.Storage.LONG, type,
                    (r, b) -> ((LongsBuilder) b).append(int96ToMicros(r.readBytes())));
            case FLOAT -> requireStorage(TypeKind.Storage.DOUBLE, type,
                    (r, b) -> ((DoublesBuilder) b).append(r.readFloat()));
            case DOUBLE -> requireStorage(TypeKind.Storage.DOUBLE, type,
                    (r, b) -> ((DoublesBuilder) b).append(r.readDouble()));
            case BINARY, FIXED_LEN_BYTE_ARRAY -> {
                if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) {
                    yield requireStorage(TypeKind.Storage.LONG, type,
                            (r, b) -> appendDecimal((LongsBuilder) b, r.readBytes()));
                }
                yield requireStorage(TypeKind.Storage.BYTES, type, (r, b) -> {
                    Binary binary = r.readBytes();
                    ((BytesBuilder) b).append(binary.getBytesUnsafe());
                });
            }
        };
    }

    private ValueConverter requireStorage(TypeKind.Storage storage, PrimitiveType type, ValueConverter converter) {
        if (target.storage() != storage) {
            throw new ShoalException(ErrorCode.TYPE_MISMATCH, "column " + type.getName() + " of " + file
                    + " is Parquet " + type + ", which cannot be read as " + target);
        }
        return converter;
    }

    private long decimalRescale(int fileScale, DataType target) {
        if (target.kind() != TypeKind.DECIMAL) {
            return 1;
        }
        if (fileScale > target.scale()) {
            throw new ShoalException(ErrorCode.TYPE_MISMATCH, "column " + column.getPath()[0] + " of " + file
                    + " has scale " + fileScale + ", more than the declared " + target);
        }
        return BigInteger.TEN.pow(target.scale() - fileScale).longValueExact();
    }

    static long timestampMultiplier(LogicalTypeAnnotation logical) {
        if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts
                && ts.getUnit() == LogicalTypeAnnotation.TimeUnit.MILLIS) {
            return 1000;
        }
        return 1;
    }

    static long timestampDivisor(LogicalTypeAnnotation logical) {
        if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts
                && ts.getUnit() == LogicalTypeAnnotation.TimeUnit.NANOS) {
            return 1000;
        }
        return 1;
    }

    /** INT96 (Impala/Spark legacy): 8 bytes of nanoseconds in the day, then 4 bytes of Julian day, little-endian. */
    private static long int96ToMicros(Binary binary) {
        ByteBuffer buffer = binary.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        long nanosOfDay = buffer.getLong();
        long julianDay = buffer.getInt() & 0xffffffffL;
        return (julianDay - JULIAN_DAY_OF_EPOCH) * MICROS_PER_DAY + nanosOfDay / 1000;
    }

    /** A big-endian two's complement decimal, rescaled to the target; 128-bit when the target is over 18 digits. */
    void appendDecimal(LongsBuilder builder, Binary binary) {
        byte[] bytes = binary.getBytesUnsafe();
        if (rescale == 1 && bytes.length > 0 && bytes.length <= 16) {
            // Sign-extend the big-endian bytes into two words without a BigInteger per value.
            long high = bytes[0] < 0 ? -1 : 0;
            long low = high;
            for (byte b : bytes) {
                high = (high << 8) | (low >>> 56);
                low = (low << 8) | (b & 0xff);
            }
            if (Int128Vector.fitsInLong(high, low) || target.isWideDecimal()) {
                builder.append(high, low);
                return;
            }
        }
        BigInteger value = decimalValue(binary);
        if (value.bitLength() < 64) {
            builder.append(value.longValue());
        } else {
            builder.append(value.shiftRight(64).longValue(), value.longValue());
        }
    }

    /** A decimal dictionary entry as a long, or null when it needs 128 bits (the caller then reads value by value). */
    Long decimalAsLong(Binary binary) {
        BigInteger value = decimalValue(binary);
        return value.bitLength() < 64 ? (Long) value.longValue() : null;
    }

    private BigInteger decimalValue(Binary binary) {
        BigInteger value = new BigInteger(binary.getBytesUnsafe());
        if (rescale != 1) {
            value = value.multiply(BigInteger.valueOf(rescale));
        }
        if (value.bitLength() >= 64 && (value.bitLength() >= 128 || !target.isWideDecimal())) {
            throw new ShoalException(ErrorCode.NUMERIC_OVERFLOW, "decimal value " + new BigDecimal(value, target.scale())
                    + " in column " + column.getPath()[0] + " of " + file + " does not fit " + target);
        }
        return value;
    }
}
