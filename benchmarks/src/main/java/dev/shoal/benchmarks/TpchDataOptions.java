package dev.shoal.benchmarks;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Which TPC-H data a runner uses: the options every TPC-H runner takes (a picocli mixin). */
final class TpchDataOptions {
    @Option(names = "--scale", description = "TPC-H scale factor (default: ${DEFAULT-VALUE})")
    double scale = 1;

    @Option(names = "--cache-dir", description = "where generated data is kept between runs (default: ~/.shoal/bench)")
    Path cacheDir = Path.of(System.getProperty("user.home"), ".shoal", "bench");

    /** The folder of this scale factor's data, generated there once. */
    Path dataDir() {
        return cacheDir.resolve("sf" + scale);
    }
}
