package dev.shoal.coordinator.ddl;

import dev.shoal.core.catalog.Catalog;
import dev.shoal.core.catalog.PendingWrite;
import dev.shoal.exec.exchange.Threads;
import dev.shoal.parquet.store.Location;
import dev.shoal.parquet.store.ObjectInfo;
import dev.shoal.parquet.store.ObjectStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * This coordinator's writes in progress, recorded in the catalog under a lease it renews, and the
 * sweep of writes whose lease ran out: a coordinator that died mid-write (a crash, SIGKILL, a lost
 * machine) never committed them, so their files are deleted and their records dropped by whichever
 * coordinator sweeps next, this one after a restart included. A committed write's record goes in
 * its commit's transaction, so a committed file is never swept.
 */
public final class PendingWrites implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PendingWrites.class);
    public static final long DEFAULT_LEASE_MILLIS = 60_000;

    private final Catalog catalog;
    private final ObjectStore store;
    private final long leaseMillis;
    /** One per coordinator process: a restarted coordinator sweeps its own earlier writes too. */
    private final String owner = UUID.randomUUID().toString();
    /** Renewals run on their own thread: a slow sweep (a long listing) must not let this coordinator's live writes expire. */
    private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(Threads.daemon("shoal-write-leases"));
    private final ScheduledExecutorService sweeps = Executors.newSingleThreadScheduledExecutor(Threads.daemon("shoal-write-sweeps"));

    public PendingWrites(Catalog catalog, ObjectStore store, long leaseMillis) {
        this.catalog = catalog;
        this.store = store;
        this.leaseMillis = leaseMillis;
        long period = Math.max(100, leaseMillis / 3);
        renewals.scheduleWithFixedDelay(this::renew, 0, period, TimeUnit.MILLISECONDS);
        sweeps.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    /** Records a write before its first file exists. */
    void begin(String writeId, String location, String table) {
        catalog.beginWrite(new PendingWrite(writeId, location, table, owner, System.currentTimeMillis() + leaseMillis));
    }

    /** A failed write: its files go now, and again once every task has surely stopped, then its record. */
    void abandon(String writeId, String location, long secondSweepMillis) {
        deleteFilesOf(location, writeId);
        sweeps.schedule(() -> {
            deleteFilesOf(location, writeId);
            try {
                catalog.endWrite(writeId);
            } catch (RuntimeException e) {
                LOG.warn("write {} is cleaned up, but its record stays until the next sweep: {}", writeId, e.getMessage());
            }
        }, secondSweepMillis, TimeUnit.MILLISECONDS);
    }

    private void renew() {
        try {
            catalog.renewWrites(owner, System.currentTimeMillis() + leaseMillis);
        } catch (RuntimeException e) {
            LOG.warn("cannot renew this coordinator's pending writes: {}", e.getMessage());
        }
    }

    private void sweep() {
        try {
            long now = System.currentTimeMillis();
            for (PendingWrite abandoned : catalog.abandonedWrites(now)) {
                int deleted = deleteFilesOf(abandoned.location(), abandoned.writeId());
                if (deleted > 0) {
                    LOG.info("write {} into {} was never committed (its coordinator stopped): deleted {} of its files",
                            abandoned.writeId(), abandoned.table(), deleted);
                }
                // Its workers may still store a file or two until they notice their coordinator is gone:
                // the record stays, and is swept again, for one more lease.
                if (deleted == 0 && abandoned.expiresAt() < now - leaseMillis) {
                    catalog.endWrite(abandoned.writeId());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("cannot sweep abandoned writes: {}", e.getMessage());
        }
    }

    /**
     * Deletes every object under the location named after the write: how many it deleted, or -1 if
     * the store could not be listed or written (files left behind are named after the write id, and
     * its record stays, so a later sweep tries again).
     */
    private int deleteFilesOf(String location, String writeId) {
        try {
            int deleted = 0;
            for (ObjectInfo object : store.list(Location.parse(location))) {
                String key = object.location().key();
                if (key.substring(key.lastIndexOf('/') + 1).startsWith(writeId + "_")) {
                    store.delete(object.location());
                    deleted++;
                }
            }
            return deleted;
        } catch (RuntimeException cleanupFailed) {
            return -1;
        }
    }

    @Override
    public void close() {
        renewals.shutdownNow();
        sweeps.shutdownNow();
    }
}
