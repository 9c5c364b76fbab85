package dev.shoal.exec.operator;

import dev.shoal.parquet.reader.FooterCache;
import dev.shoal.parquet.store.ObjectStore;

import java.util.concurrent.Executor;

/**
 * What the scans of a process share: the store they read, the footers already parsed, and the
 * threads that fetch a scan's next row group while it decodes this one.
 */
public record ScanContext(ObjectStore store, FooterCache footers, Executor fetches) {
    /** Footers read each time, and each row group fetched when it is read (tests of one operator). */
    public static ScanContext direct(ObjectStore store) {
        return new ScanContext(store, FooterCache.none(), null);
    }
}
