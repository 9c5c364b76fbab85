package dev.shoal.benchmarks;

import dev.shoal.core.plan.ScanColumn;
import dev.shoal.core.type.DataType;
import dev.shoal.exec.operator.TableScanOperator;
import dev.shoal.launcher.local.LocalCluster;
import dev.shoal.parquet.reader.FooterCache;
import dev.shoal.parquet.reader.ParquetSplitReader;
import dev.shoal.parquet.reader.RowRange;
import dev.shoal.parquet.reader.SharedDictionaries;
import dev.shoal.parquet.store.LocalObjectStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a scan unit costs: TPC-H lineitem's Q6 columns read and decoded on one thread, a reader per
 * file, a reader per row group, and a reader per piece of a row group (as drivers share the last
 * row groups of a scan), in alternating rounds. Prints the median thread CPU time of each; the
 * parts cost more than the whole by their readers, page indexes, fetches and boundary pages.
 */
@Command(name = "scan-unit-benchmark", mixinStandardHelpOptions = true)
public final class ScanUnitBenchmark implements Callable<Integer> {
    private static final List<ScanColumn> Q6_COLUMNS = List.of(new ScanColumn("l_shipdate", DataType.DATE),
            new ScanColumn("l_discount", DataType.decimal(15, 2)), new ScanColumn("l_quantity", DataType.decimal(15, 2)),
            new ScanColumn("l_extendedprice", DataType.decimal(15, 2)));

    @Mixin
    TpchDataOptions data;

    @Option(names = "--pieces", description = "pieces a row group is cut into (default: ${DEFAULT-VALUE}, as for two drivers)")
    int pieces = 4;

    @Option(names = "--warmups", description = "untimed rounds (default: ${DEFAULT-VALUE})")
    int warmups = 20;

    @Option(names = "--runs", description = "timed rounds (default: ${DEFAULT-VALUE})")
    int runs = 21;

    private final LocalObjectStore store = new LocalObjectStore();
    private final FooterCache footers = FooterCache.of(64L << 20);
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.exit(new CommandLine(new ScanUnitBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path dataDir = data.dataDir();
        // Generates the data on first use, as the other TPC-H runners do.
        LocalCluster.start(dataDir, "127.0.0.1", 0, 0, 1, data.scale, config -> config).close();
        File[] files = dataDir.resolve(LocalCluster.BUCKET).resolve("tpch").resolve("lineitem").toFile()
                .listFiles((dir, name) -> name.endsWith(".parquet"));
        String[] modes = {"file", "row group", pieces + " pieces a row group"};
        double[][] cpuMs = new double[modes.length][runs];
        int[] units = new int[modes.length];
        for (int round = 0; round < warmups + runs; round++) {
            for (int k = 0; k < modes.length; k++) {
                int mode = round % 2 == 0 ? k : modes.length - 1 - k;
                long start = threads.getCurrentThreadCpuTime();
                units[mode] = readAll(files, mode);
                if (round >= warmups) {
                    cpuMs[mode][round - warmups] = (threads.getCurrentThreadCpuTime() - start) / 1e6;
                }
            }
        }
        System.out.printf("TPC-H SF %s lineitem, Q6's 4 columns, %d files; %d warm-up and %d timed rounds; median thread CPU%n",
                data.scale, files.length, warmups, runs);
        double whole = median(cpuMs[0]);
        for (int k = 0; k < modes.length; k++) {
            double median = median(cpuMs[k]);
            System.out.printf("a reader per %-22s %4d readers %8.1f ms %6.2fx%n", modes[k], units[k], median, median / whole);
        }
        return 0;
    }

    /** Reads every row of the files' Q6 columns; returns how many readers it took. */
    private int readAll(File[] files, int mode) throws Exception {
        int readers = 0;
        for (File file : files) {
            FooterCache.FileKey key = new FooterCache.FileKey(file.toURI().toString(), file.length(), "bench");
            if (mode == 0) {
                read(key, null, null);
                readers++;
                continue;
            }
            List<RowRange> ranges;
            try (ParquetSplitReader reader = reader(key, null, null)) {
                ranges = mode == 1 ? reader.rowGroupRanges() : reader.pieces(pieces, TableScanOperator.MIN_PIECE_ROWS);
            }
            Map<Integer, SharedDictionaries> dictionaries = new HashMap<>();
            for (RowRange range : ranges) {
                read(key, range, dictionaries.computeIfAbsent(range.rowGroup(), group -> new SharedDictionaries()));
                readers++;
            }
        }
        return readers;
    }

    private void read(FooterCache.FileKey key, RowRange range, SharedDictionaries dictionaries) {
        try (ParquetSplitReader reader = reader(key, range, dictionaries)) {
            while (reader.nextRowGroup() != null) {
                // Decoded and dropped: the cost is the reading.
            }
        }
    }

    private ParquetSplitReader reader(FooterCache.FileKey key, RowRange range, SharedDictionaries dictionaries) {
        return new ParquetSplitReader(store, key, 0, key.length(), range, dictionaries, Q6_COLUMNS, new LongAdder(), footers);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
