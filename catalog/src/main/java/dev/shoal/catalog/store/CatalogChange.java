package dev.shoal.catalog.store;

import dev.shoal.core.catalog.DataFile;
import dev.shoal.core.catalog.Partition;
import dev.shoal.core.catalog.PendingWrite;
import dev.shoal.core.catalog.SchemaDefinition;
import dev.shoal.core.catalog.TableDefinition;
import dev.shoal.core.catalog.ViewDefinition;
import dev.shoal.core.plan.ScanColumn;

import java.util.List;

/** One DDL statement's change to the catalog: a store applies each in one transaction. */
public sealed interface CatalogChange {
    record CreateSchema(SchemaDefinition schema) implements CatalogChange {
    }

    record DropSchema(String name, boolean cascade) implements CatalogChange {
    }

    /**
     * With {@code createSchemaIfMissing}, the table's schema is created in the same transaction
     * (--table); with a {@code writeId}, that pending write ends in it (CREATE TABLE AS).
     */
    record CreateTable(TableDefinition table, boolean createSchemaIfMissing, String writeId) implements CatalogChange {
    }

    record DropTable(String schema, String name) implements CatalogChange {
    }

    record RenameTable(String schema, String name, String newSchema, String newName) implements CatalogChange {
    }

    record AddColumn(String schema, String name, ScanColumn column) implements CatalogChange {
    }

    record CreateView(ViewDefinition view, boolean replace) implements CatalogChange {
    }

    record DropView(String schema, String name) implements CatalogChange {
    }

    /**
     * Files written into a table (INSERT): {@code files} into an unpartitioned table, or each of
     * {@code partitions}' files into that partition, created where it is new. With
     * {@code overwrite}, the files those partitions (or the unpartitioned table) held are replaced.
     */
    record AddFiles(String schema, String name, List<DataFile> files, List<Partition> partitions, boolean overwrite, String writeId)
            implements CatalogChange {
        public AddFiles {
            files = List.copyOf(files);
            partitions = List.copyOf(partitions);
        }
    }

    record BeginWrite(PendingWrite write) implements CatalogChange {
    }

    record RenewWrites(String owner, long expiresAt) implements CatalogChange {
    }

    record EndWrite(String writeId) implements CatalogChange {
    }

    /** Registers partitions of an existing table; with {@code ifNotExists}, those it already has are skipped. */
    record AddPartitions(String schema, String name, List<Partition> partitions, boolean ifNotExists) implements CatalogChange {
        public AddPartitions {
            partitions = List.copyOf(partitions);
        }
    }

    /** Forgets partitions (and the files committed to them); with {@code ifExists}, missing ones are skipped. */
    record DropPartitions(String schema, String name, List<List<String>> values, boolean ifExists) implements CatalogChange {
        public DropPartitions {
            values = List.copyOf(values);
        }
    }
}
