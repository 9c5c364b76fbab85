package dev.shoal.parquet.reader;

import dev.shoal.core.batch.BytesBuilder;
import dev.shoal.core.batch.DoublesBuilder;
import dev.shoal.core.batch.LongsBuilder;
import dev.shoal.core.batch.VectorBuilder;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.type.DataType;
import dev.shoal.core.type.TypeKind;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The fast path for the pages of flat columns that most files hold: dictionary-encoded values
 * of any type, and PLAIN INT32, INT64, DOUBLE and strings. Levels and dictionary ids are decoded
 * in bulk ({@link RleHybridDecoder}), values are read straight from the page's bytes. Pages
 * with other encodings return false and go through parquet-java's readers.
 */
final class BulkPageDecoder {
    private final ColumnDescriptor column;
    private final DataType target;
    private final long rescale;
    private final ColumnChunkDecoder owner;
    private final PrimitiveType.PrimitiveTypeName physical;
    private final boolean plainSupported;
    private final PlainValues plain = new PlainValues();
    private int[] levels = new int[0];
    private int[] ids = new int[0];

    BulkPageDecoder(ColumnDescriptor column, DataType target, long rescale, ColumnChunkDecoder owner) {
        this.column = column;
        this.target = target;
        this.rescale = rescale;
        this.owner = owner;
        this.physical = column.getPrimitiveType().getPrimitiveTypeName();
        LogicalTypeAnnotation logical = column.getPrimitiveType().getLogicalTypeAnnotation();
        boolean timestamp = logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
        this.plainSupported = switch (physical) {
            case INT32 -> target.storage() == TypeKind.Storage.LONG;
            case INT64 -> target.storage() == TypeKind.Storage.LONG && !timestamp;
            case DOUBLE -> target.storage() == TypeKind.Storage.DOUBLE;
            case BINARY -> target.storage() == TypeKind.Storage.BYTES;
            default -> false;
        };
    }

    /** A page's encoding, and its definition levels' and values' bytes (levels null when the column is required). */
    private record PageBytes(Encoding encoding, ByteBuffer levels, ByteBuffer values) {
    }

    /** Decodes the page into the builder and returns true, or returns false and leaves the builder alone. */
    boolean decode(DataPage page, DictionaryValues dictionary, VectorBuilder builder) throws IOException {
        PageBytes bytes = bytesOf(page, dictionary);
        if (bytes == null) {
            return false;
        }
        int count = page.getValueCount();
        int maxDefinition = column.getMaxDefinitionLevel();
        Levels levels = definitionLevels(bytes.levels(), count);
        int[] definitions = levels.definitions();
        int defined = levels.defined();
        if (bytes.encoding().usesDictionary()) {
            decodeDictionary(bytes.values(), dictionary, count, defined, definitions, maxDefinition, builder);
        } else {
            decodePlain(bytes.values(), count, defined, definitions, maxDefinition, builder);
        }
        return true;
    }

    /**
     * Appends the page's rows at {@code positions[from .. to)} (ascending, numbered from the row group's
     * start; the page's first row is {@code pageStart}) and returns true; or returns false, the builder
     * untouched, for a page only {@link #decode} or parquet-java's readers can read. Dictionary ids are
     * unpacked up to the last selected row; only selected values are looked up or copied.
     */
    boolean decodeSelected(DataPage page, DictionaryValues dictionary, VectorBuilder builder, int[] positions, int from, int to,
                           int pageStart) throws IOException {
        PageBytes bytes = bytesOf(page, dictionary);
        if (bytes == null) {
            return false;
        }
        boolean usesDictionary = bytes.encoding().usesDictionary();
        if (!usesDictionary && !(bytes.values().hasArray() && (physical == PrimitiveType.PrimitiveTypeName.INT32
                || physical == PrimitiveType.PrimitiveTypeName.INT64 || physical == PrimitiveType.PrimitiveTypeName.DOUBLE
                || physical == PrimitiveType.PrimitiveTypeName.BINARY))) {
            return false;
        }
        int count = page.getValueCount();
        int maxDefinition = column.getMaxDefinitionLevel();
        int[] definitions = definitionLevels(bytes.levels(), count).definitions();
        // Each selected row's index among the page's non-NULL values, or -1 for a NULL.
        int selected = to - from;
        int[] dense = denseIndexes(selected);
        int row = 0;
        int defined = 0;
        for (int p = 0; p < selected; p++) {
            int target = positions[from + p] - pageStart;
            if (definitions == null) {
                dense[p] = target;
                continue;
            }
            while (row < target) {
                defined += definitions[row++] == maxDefinition ? 1 : 0;
            }
            dense[p] = definitions[target] == maxDefinition ? defined : -1;
        }
        int needed = 0;
        for (int p = 0; p < selected; p++) {
            needed = Math.max(needed, dense[p] + 1);
        }
        ByteBuffer values = bytes.values();
        if (usesDictionary) {
            appendSelectedEntries(values, dictionary, dense, selected, needed, builder);
        } else {
            int start = values.arrayOffset() + values.position();
            if (physical == PrimitiveType.PrimitiveTypeName.BINARY) {
                PlainValues.selectedBinaries(values.array(), start, values.arrayOffset() + values.limit(), dense, selected, needed,
                        (BytesBuilder) builder);
            } else {
                PlainValues.selected(physical, values.array(), start, dense, selected, needed, rescale, builder);
            }
        }
        return true;
    }

    private void appendSelectedEntries(ByteBuffer values, DictionaryValues dictionary, int[] dense, int selected, int needed,
                                       VectorBuilder builder) {
        byte[] array = array(values);
        int offset = values.hasArray() ? values.arrayOffset() + values.position() : 0;
        int[] dictionaryIds = ids(needed);
        if (needed > 0) {
            new RleHybridDecoder(array, offset + 1, offset + values.remaining(), array[offset] & 0xff).decode(dictionaryIds, needed);
        }
        try {
            for (int p = 0; p < selected; p++) {
                int d = dense[p];
                if (d < 0) {
                    builder.appendNull();
                } else if (dictionary.longs != null) {
                    ((LongsBuilder) builder).append(dictionary.longs[dictionaryIds[d]]);
                } else if (dictionary.bytes != null) {
                    ((BytesBuilder) builder).append(dictionary.bytes[dictionaryIds[d]]);
                } else {
                    ((DoublesBuilder) builder).append(dictionary.doubles[dictionaryIds[d]]);
                }
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new ShoalException(ErrorCode.CORRUPT_FILE, "column " + column.getPath()[0] + " of " + owner.file()
                    + " refers to a dictionary entry past the dictionary's end");
        }
    }

    /** A page's definition levels (null when every value is defined) and how many of its values are defined. */
    private record Levels(int[] definitions, int defined) {
    }

    private Levels definitionLevels(ByteBuffer levelBytes, int count) {
        if (levelBytes == null) {
            return new Levels(null, count);
        }
        int maxDefinition = column.getMaxDefinitionLevel();
        int[] definitions = levels(count);
        byte[] array = array(levelBytes);
        int offset = levelBytes.hasArray() ? levelBytes.arrayOffset() + levelBytes.position() : 0;
        new RleHybridDecoder(array, offset, offset + levelBytes.remaining(),
                32 - Integer.numberOfLeadingZeros(maxDefinition)).decode(definitions, count);
        int defined = 0;
        for (int i = 0; i < count; i++) {
            if (definitions[i] == maxDefinition) {
                defined++;
            }
        }
        return new Levels(defined == count ? null : definitions, defined);
    }

    /** The page's parts, or null when this fast path does not read it. */
    private PageBytes bytesOf(DataPage page, DictionaryValues dictionary) throws IOException {
        if (column.getMaxRepetitionLevel() != 0) {
            return null;
        }
        Encoding encoding;
        ByteBuffer levelBytes = null;
        ByteBuffer valueBytes;
        int maxDefinition = column.getMaxDefinitionLevel();
        if (page instanceof DataPageV1 v1) {
            encoding = v1.getValueEncoding();
            if (!usable(encoding, dictionary) || (maxDefinition > 0 && v1.getDlEncoding() != Encoding.RLE)) {
                return null;
            }
            ByteBuffer all = v1.getBytes().toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            if (maxDefinition > 0) {
                int length = all.getInt(all.position());
                levelBytes = slice(all, all.position() + 4, length);
                valueBytes = slice(all, all.position() + 4 + length, all.limit() - all.position() - 4 - length);
            } else {
                valueBytes = all;
            }
        } else {
            DataPageV2 v2 = (DataPageV2) page;
            encoding = v2.getDataEncoding();
            if (!usable(encoding, dictionary)) {
                return null;
            }
            if (maxDefinition > 0) {
                levelBytes = v2.getDefinitionLevels().toByteBuffer();
            }
            valueBytes = v2.getData().toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        }
        return new PageBytes(encoding, levelBytes, valueBytes);
    }

    private boolean usable(Encoding encoding, DictionaryValues dictionary) {
        if (encoding == Encoding.RLE_DICTIONARY || encoding == Encoding.PLAIN_DICTIONARY) {
            return dictionary != null;
        }
        return encoding == Encoding.PLAIN && plainSupported;
    }

    private void decodeDictionary(ByteBuffer values, DictionaryValues dictionary, int count, int defined,
                                  int[] definitions, int maxDefinition, VectorBuilder builder) {
        byte[] array = array(values);
        int offset = values.hasArray() ? values.arrayOffset() + values.position() : 0;
        int end = offset + values.remaining();
        int[] dictionaryIds = ids(defined);
        if (defined > 0) {
            int bitWidth = array[offset] & 0xff;
            new RleHybridDecoder(array, offset + 1, end, bitWidth).decode(dictionaryIds, defined);
        }
        try {
            if (definitions == null) {
                if (dictionary.bytes != null) {
                    ((BytesBuilder) builder).appendGathered(dictionary.bytes, dictionaryIds, count);
                } else if (dictionary.longs != null) {
                    ((LongsBuilder) builder).appendGathered(dictionary.longs, dictionaryIds, count);
                } else {
                    ((DoublesBuilder) builder).appendGathered(dictionary.doubles, dictionaryIds, count);
                }
            } else if (dictionary.bytes != null) {
                ((BytesBuilder) builder).appendGatheredSpread(dictionary.bytes, dictionaryIds, definitions, maxDefinition, count);
            } else if (dictionary.longs != null) {
                // NULLs: looked up and spread over the page's rows in one loop.
                ((LongsBuilder) builder).appendGatheredSpread(dictionary.longs, dictionaryIds, definitions, maxDefinition, count);
            } else {
                double[] dense = plain.doubleScratch(defined);
                double[] entries = dictionary.doubles;
                for (int i = 0; i < defined; i++) {
                    dense[i] = entries[dictionaryIds[i]];
                }
                ((DoublesBuilder) builder).appendSpread(dense, definitions, maxDefinition, count);
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new ShoalException(ErrorCode.CORRUPT_FILE, "column " + column.getPath()[0] + " of " + owner.file()
                    + " refers to a dictionary entry past the dictionary's end");
        }
    }

    private void decodePlain(ByteBuffer values, int count, int defined, int[] definitions, int maxDefinition,
                             VectorBuilder builder) {
        int position = values.position();
        if (definitions != null && values.hasArray()) {
            // NULLs: the defined values decoded in one loop, then spread over the page's rows.
            byte[] array = values.array();
            int start = values.arrayOffset() + position;
            switch (physical) {
                case INT32 -> {
                    ((LongsBuilder) builder).appendSpread(plain.int32s(array, start, defined, rescale),
                            definitions, maxDefinition, count);
                    return;
                }
                case INT64 -> {
                    ((LongsBuilder) builder).appendSpread(plain.int64s(array, start, defined, rescale),
                            definitions, maxDefinition, count);
                    return;
                }
                case DOUBLE -> {
                    ((DoublesBuilder) builder).appendSpread(plain.doubles(array, start, defined),
                            definitions, maxDefinition, count);
                    return;
                }
                default -> {
                }
            }
        }
        if (definitions == null && values.hasArray()) {
            // No NULLs: whole-page loops that size the builder once.
            byte[] array = values.array();
            int start = values.arrayOffset() + position;
            switch (physical) {
                case INT32 -> {
                    plain.int32s(array, start, count, rescale, (LongsBuilder) builder);
                    return;
                }
                case INT64 -> {
                    plain.int64s(array, start, count, rescale, (LongsBuilder) builder);
                    return;
                }
                case BINARY -> {
                    plain.binaries(array, start, values.arrayOffset() + values.limit(), count, (BytesBuilder) builder);
                    return;
                }
                default -> {
                }
            }
        }
        for (int i = 0; i < count; i++) {
            if (definitions != null && definitions[i] != maxDefinition) {
                builder.appendNull();
                continue;
            }
            switch (physical) {
                case INT32 -> {
                    ((LongsBuilder) builder).append(values.getInt(position) * rescale);
                    position += 4;
                }
                case INT64 -> {
                    ((LongsBuilder) builder).append(values.getLong(position) * rescale);
                    position += 8;
                }
                case DOUBLE -> {
                    ((DoublesBuilder) builder).append(values.getDouble(position));
                    position += 8;
                }
                default -> {
                    int length = values.getInt(position);
                    position += 4;
                    if (values.hasArray()) {
                        ((BytesBuilder) builder).append(values.array(), values.arrayOffset() + position, length);
                    } else {
                        byte[] copy = new byte[length];
                        values.get(position, copy);
                        ((BytesBuilder) builder).append(copy);
                    }
                    position += length;
                }
            }
        }
    }

    private static ByteBuffer slice(ByteBuffer buffer, int from, int length) {
        ByteBuffer copy = buffer.duplicate();
        copy.position(from).limit(from + length);
        return copy.slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] array(ByteBuffer buffer) {
        if (buffer.hasArray()) {
            return buffer.array();
        }
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }

    private int[] levels(int count) {
        if (levels.length < count) {
            levels = new int[count];
        }
        return levels;
    }

    private int[] denseScratch = new int[0];

    /** Scratch for each selected row's index among the page's values. */
    private int[] denseIndexes(int count) {
        if (denseScratch.length < count) {
            denseScratch = new int[count];
        }
        return denseScratch;
    }

    private int[] ids(int count) {
        if (ids.length < count) {
            ids = new int[count];
        }
        return ids;
    }
}
