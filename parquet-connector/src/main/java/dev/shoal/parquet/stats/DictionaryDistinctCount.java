package dev.shoal.parquet.stats;

import dev.shoal.parquet.store.Location;
import dev.shoal.parquet.store.ObjectStore;
import org.apache.parquet.column.EncodingStats;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.PageType;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

/**
 * Distinct values of a column estimated from the dictionaries of a few of its column chunks.
 * Footers give no distinct counts for strings, and a planner that takes every string column for
 * a key (as many distinct values as rows) takes {@code cd_gender = 'M'} to keep a quarter of the
 * rows and {@code s_zip = ca_zip} for a key join. A dictionary page's header says how many
 * entries it holds: the distinct values of its chunk, read with one small ranged GET.
 *
 * <p>A chunk of {@code n} values drawn from {@code D} distinct ones holds {@code D(1 - e^(-n/D))}
 * of them on average; solving that for {@code D} turns a chunk's dictionary into an estimate for
 * the column (a chunk with 2 entries over 20,000 rows: 2; one whose dictionary is as large as its
 * rows: as many as the table's rows). A chunk whose dictionary overflowed into plain pages, or
 * that has none, tells nothing: the column is then unknown.
 */
final class DictionaryDistinctCount {
    /** Chunks sampled per column: each GET is a round trip, and a few chunks agree with each other. */
    static final int SAMPLED_CHUNKS = 4;
    /** Dictionary page headers are a few dozen bytes: type, sizes and the entry count. */
    private static final int HEADER_BYTES = 256;

    private DictionaryDistinctCount() {
    }

    /**
     * The estimated distinct values of a column over {@code tableValues} non-NULL values, from
     * its chunks (in file and row-group order), or -1 when a sampled chunk has no usable dictionary.
     */
    static long estimate(ObjectStore store, List<SampledChunk> chunks, long tableValues) {
        if (chunks.isEmpty() || tableValues <= 0) {
            return -1;
        }
        double distinct = 0;
        int sampled = Math.min(SAMPLED_CHUNKS, chunks.size());
        for (int s = 0; s < sampled; s++) {
            // Spread over the column: the first chunk, the last and evenly between.
            SampledChunk chunk = chunks.get(sampled == 1 ? 0 : (int) ((long) s * (chunks.size() - 1) / (sampled - 1)));
            long entries = dictionaryEntries(store, chunk.location(), chunk.metadata());
            if (entries < 0) {
                return -1;
            }
            long values = chunk.metadata().getValueCount() - Math.max(0, nulls(chunk.metadata()));
            distinct = Math.max(distinct, fromSample(entries, values));
        }
        return (long) Math.max(1, Math.min(tableValues, Math.ceil(distinct)));
    }

    /**
     * The {@code D} for which {@code n} values drawn from {@code D} hold {@code d} distinct ones on
     * average; infinite when all {@code n} are distinct (the sample bounds nothing).
     */
    static double fromSample(long d, long n) {
        if (d <= 0 || n <= 0) {
            return Math.max(0, d);
        }
        if (d >= n) {
            return Double.POSITIVE_INFINITY;
        }
        double low = d;
        double high = d;
        while (expectedDistinct(high, n) < d) {
            high *= 2;
            if (high > 1e15) {
                return Double.POSITIVE_INFINITY;
            }
        }
        for (int i = 0; i < 60 && high - low > 0.5; i++) {
            double mid = (low + high) / 2;
            if (expectedDistinct(mid, n) < d) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return high;
    }

    private static double expectedDistinct(double domain, long n) {
        return domain * -Math.expm1(-n / domain);
    }

    /** A chunk's dictionary size, or -1 when it has no dictionary or some pages fell back to plain encoding. */
    static long dictionaryEntries(ObjectStore store, Location location, ColumnChunkMetaData chunk) {
        if (!chunk.hasDictionaryPage()) {
            return -1;
        }
        EncodingStats encodings = chunk.getEncodingStats();
        if (encodings != null && encodings.hasNonDictionaryEncodedPages()) {
            return -1;
        }
        int length = (int) Math.min(HEADER_BYTES, chunk.getTotalSize());
        try {
            PageHeader header = Util.readPageHeader(new ByteArrayInputStream(store.read(location, chunk.getStartingPos(), length)));
            if (header.getType() != PageType.DICTIONARY_PAGE || !header.isSetDictionary_page_header()) {
                return -1;
            }
            return header.getDictionary_page_header().getNum_values();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long nulls(ColumnChunkMetaData chunk) {
        return chunk.getStatistics() != null && chunk.getStatistics().isNumNullsSet() ? chunk.getStatistics().getNumNulls() : 0;
    }

    /** A column chunk and the file it is in. */
    record SampledChunk(Location location, ColumnChunkMetaData metadata) {
    }
}
