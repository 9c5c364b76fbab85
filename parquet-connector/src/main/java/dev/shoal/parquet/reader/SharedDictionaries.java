package dev.shoal.parquet.reader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dictionaries of one row group's column chunks, decoded once for all the pieces of it that
 * drivers read ({@link RowRange}): each piece would otherwise decode every dictionary again, and a
 * key column's dictionary can take as long to decode as a piece's pages.
 */
public final class SharedDictionaries {
    private final Map<String, ColumnChunkDecoder.ChunkDictionary> byColumn = new ConcurrentHashMap<>();

    interface Decoding {
        ColumnChunkDecoder.ChunkDictionary decode() throws IOException;
    }

    /** The column's dictionary, decoded by the first piece to ask while the others wait for it. */
    ColumnChunkDecoder.ChunkDictionary get(String column, Decoding decoding) throws IOException {
        try {
            return byColumn.computeIfAbsent(column, key -> {
                try {
                    return decoding.decode();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
