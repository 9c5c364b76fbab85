package dev.shoal.coordinator.ddl;

import dev.shoal.core.catalog.DataFile;
import dev.shoal.parquet.store.Location;
import dev.shoal.parquet.store.ObjectStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Deletes files the catalog no longer lists (a dropped table or partition, files INSERT OVERWRITE
 * replaced), always after the commit that removed them, so that no query finds a listed file gone.
 * A file that cannot be deleted is logged and left: the statement has already taken effect.
 */
final class UncommittedFiles {
    private static final Logger LOG = LoggerFactory.getLogger(UncommittedFiles.class);

    private UncommittedFiles() {
    }

    /** {@code why}: what made them unlisted, for the log ("table s.t is dropped"). */
    static void delete(ObjectStore store, List<DataFile> files, String why) {
        for (DataFile file : files) {
            try {
                store.delete(Location.parse(file.path()));
            } catch (RuntimeException e) {
                LOG.warn("{}, but its file {} could not be deleted: {}", why, file.path(), e.getMessage());
            }
        }
    }
}
