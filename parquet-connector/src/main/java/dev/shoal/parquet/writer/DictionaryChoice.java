package dev.shoal.parquet.writer;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.DoubleVector;
import dev.shoal.core.batch.LongVector;
import dev.shoal.core.batch.VarcharVector;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which columns to write without a dictionary, judged from a file's first batch. parquet-java
 * dictionary-encodes every column and falls back to plain encoding when the dictionary outgrows its
 * page, after hashing every value up to then; for a column whose values are nearly all distinct
 * (keys, prices, comments) that work is lost and was a third of a CTAS's time. A column whose
 * sample is at least 90% distinct values is written plain from the start, as DuckDB's writer also
 * judges a dictionary by its distinct count.
 */
final class DictionaryChoice {
    static final double DISTINCT_SHARE = 0.9;
    /** Rows a writer samples before it opens its file; a smaller file is judged on all its rows. */
    static final int SAMPLE_ROWS = 8192;
    /** Fewer values than this decide nothing: a small sample of a column with a few thousand values looks unique. */
    static final int MIN_SAMPLE = 1024;

    private DictionaryChoice() {
    }

    /** True when the column's values in the sample are nearly all distinct; false without a big enough sample. */
    static boolean nearlyUnique(List<Batch> sample, int column) {
        Set<Object> distinct = new HashSet<>(2 * SAMPLE_ROWS);
        int values = 0;
        int rows = 0;
        for (Batch batch : sample) {
            ColumnVector vector = batch.column(column);
            // The first SAMPLE_ROWS rows only: a scan's first batch can hold a whole row group.
            int take = Math.min(batch.rowCount(), SAMPLE_ROWS - rows);
            rows += take;
            for (int row = 0; row < take; row++) {
                if (!vector.isNull(row)) {
                    values++;
                    distinct.add(key(vector, row));
                }
            }
        }
        return values >= MIN_SAMPLE && distinct.size() >= DISTINCT_SHARE * values;
    }

    private static Object key(ColumnVector vector, int row) {
        if (vector instanceof LongVector longs) {
            return longs.get(row);
        }
        if (vector instanceof DoubleVector doubles) {
            return doubles.get(row);
        }
        if (vector instanceof VarcharVector strings) {
            return ByteBuffer.wrap(strings.data(), strings.start(row), strings.length(row));
        }
        return vector.valueAt(row);
    }
}
