package dev.shoal.parquet.stats;

import dev.shoal.core.catalog.ColumnStatistics;
import dev.shoal.core.catalog.TableDefinition;
import dev.shoal.core.catalog.TableStatistics;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.parquet.catalog.TableFiles;
import dev.shoal.parquet.reader.ParquetSchemaReader;
import dev.shoal.parquet.store.ObjectInfo;
import dev.shoal.parquet.store.ObjectStore;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Table statistics read once from the Parquet footers of a table's files and kept, so planning
 * reads no footers after the first query of a table. A table whose files cannot be read gets
 * unknown statistics: the query itself then reports the problem with the file's name.
 */
public final class StatisticsCache {
    private static final Logger LOG = LoggerFactory.getLogger(StatisticsCache.class);

    private final ObjectStore store;
    private final Map<String, TableStatistics> cache = new ConcurrentHashMap<>();

    public StatisticsCache(ObjectStore store) {
        this.store = store;
    }

    public TableStatistics get(TableDefinition table) {
        return cache.computeIfAbsent(table.qualifiedName() + "@" + table.location(), key -> collect(table));
    }

    public void invalidate(TableDefinition table) {
        cache.remove(table.qualifiedName() + "@" + table.location());
    }

    private TableStatistics collect(TableDefinition table) {
        try {
            long rows = 0;
            long compressed = 0;
            long uncompressed = 0;
            Map<String, ColumnAccumulator> columns = new HashMap<>();
            for (ScanColumn column : table.columns()) {
                columns.put(column.name().toLowerCase(Locale.ROOT), new ColumnAccumulator(column.name()));
            }
            List<ObjectInfo> files = TableFiles.list(store, table);
            for (ObjectInfo file : files) {
                ParquetMetadata footer = ParquetSchemaReader.footer(store, file.location(), file.length());
                for (BlockMetaData block : footer.getBlocks()) {
                    rows += block.getRowCount();
                    compressed += block.getCompressedSize();
                    uncompressed += block.getTotalByteSize();
                    for (ColumnChunkMetaData chunk : block.getColumns()) {
                        ColumnAccumulator column = columns.get(chunk.getPath().toDotString().toLowerCase(Locale.ROOT));
                        if (column != null) {
                            column.add(chunk.getStatistics());
                            column.chunks.add(new DictionaryDistinctCount.SampledChunk(file.location(), chunk));
                        }
                    }
                }
            }
            List<ColumnStatistics> columnStatistics = new ArrayList<>();
            for (ScanColumn column : table.columns()) {
                columnStatistics.add(columns.get(column.name().toLowerCase(Locale.ROOT)).result(store, rows));
            }
            return new TableStatistics(rows, compressed, uncompressed, files.size(), columnStatistics);
        } catch (RuntimeException e) {
            LOG.warn("no statistics for {}: {}", table.qualifiedName(), e.getMessage());
            return TableStatistics.UNKNOWN;
        }
    }

    /**
     * Folds one column's chunk statistics together; min/max only for numeric physical types, and
     * for the others (strings, binary decimals) distinct values from a few chunks' dictionaries.
     */
    private static final class ColumnAccumulator {
        private final String name;
        private final List<DictionaryDistinctCount.SampledChunk> chunks = new ArrayList<>();
        private long nulls;
        private boolean nullsKnown = true;
        private Comparable<Object> min;
        private Comparable<Object> max;
        private boolean rangeKnown = true;

        ColumnAccumulator(String name) {
            this.name = name;
        }

        @SuppressWarnings("unchecked")
        void add(Statistics<?> statistics) {
            if (statistics == null || statistics.isEmpty()) {
                nullsKnown = false;
                rangeKnown = false;
                return;
            }
            if (statistics.isNumNullsSet()) {
                nulls += statistics.getNumNulls();
            } else {
                nullsKnown = false;
            }
            if (!statistics.hasNonNullValue() || !(statistics.genericGetMin() instanceof Number)) {
                rangeKnown &= !statistics.hasNonNullValue();
                return;
            }
            Comparable<Object> chunkMin = (Comparable<Object>) (Object) statistics.genericGetMin();
            Comparable<Object> chunkMax = (Comparable<Object>) (Object) statistics.genericGetMax();
            min = min == null || chunkMin.compareTo(min) < 0 ? chunkMin : min;
            max = max == null || chunkMax.compareTo(max) > 0 ? chunkMax : max;
        }

        ColumnStatistics result(ObjectStore store, long rows) {
            boolean range = rangeKnown && min != null;
            // An integer column's range already bounds its distinct values; a GET per chunk would add little.
            long distinct = range ? -1 : DictionaryDistinctCount.estimate(store, chunks, rows - (nullsKnown ? nulls : 0));
            return new ColumnStatistics(name, nullsKnown ? nulls : -1, range ? min : null, range ? max : null, distinct);
        }
    }
}
