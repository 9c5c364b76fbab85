package dev.shoal.core.catalog;

import dev.shoal.core.plan.ScanColumn;

import java.util.List;
import java.util.Optional;

/**
 * The schemas (databases) and tables the engine knows. Names are matched case-insensitively.
 * Each change is one transaction in the store behind the catalog: it is all there or not at all.
 */
public interface Catalog {
    List<String> schemas();

    Optional<SchemaDefinition> schema(String name);

    List<TableDefinition> tables(String schema);

    Optional<TableDefinition> table(String schema, String name);

    /** A table by its "schema.name", as plan nodes name it. */
    default Optional<TableDefinition> table(String qualifiedName) {
        int dot = qualifiedName.indexOf('.');
        return dot < 0 ? Optional.empty() : table(qualifiedName.substring(0, dot), qualifiedName.substring(dot + 1));
    }

    /** Fails with ALREADY_EXISTS when a schema of that name exists. */
    void createSchema(SchemaDefinition schema);

    /** Fails with UNKNOWN_SCHEMA when missing, SCHEMA_NOT_EMPTY when it has tables and {@code cascade} is false. */
    void dropSchema(String name, boolean cascade);

    /** Creates the table's schema too if it does not exist; fails with ALREADY_EXISTS when the table does. */
    default void createTable(TableDefinition table) {
        createTable(table, null);
    }

    /** {@link #createTable(TableDefinition)} that also ends the pending write {@code writeId} (may be null), in the same transaction. */
    void createTable(TableDefinition table, String writeId);

    /** Fails with UNKNOWN_TABLE when missing. */
    void dropTable(String schema, String name);

    /** Fails with UNKNOWN_TABLE when missing, ALREADY_EXISTS when the new name is taken. The files stay where they are. */
    void renameTable(String schema, String name, String newSchema, String newName);

    /** Appends a column: files written before it read it as NULL. */
    void addColumn(String schema, String name, ScanColumn column);

    List<ViewDefinition> views(String schema);

    Optional<ViewDefinition> view(String schema, String name);

    /** Fails with ALREADY_EXISTS when a table has the name, or a view has it and {@code replace} is false. */
    void createView(ViewDefinition view, boolean replace);

    /** Fails with UNKNOWN_TABLE when missing. */
    void dropView(String schema, String name);

    /** Commits files written into a table with a file list (INSERT): all of them become visible at once. */
    default void addFiles(String schema, String name, List<DataFile> files) {
        addFiles(schema, name, files, List.of(), false, null);
    }

    /**
     * Commits a write in one transaction: {@code files} into an unpartitioned table, or each
     * partition's files into it (new partitions are created). With {@code overwrite} the files
     * those partitions, or the unpartitioned table, held before are replaced (INSERT OVERWRITE). The
     * pending write {@code writeId} (may be null) ends in the same transaction.
     */
    void addFiles(String schema, String name, List<DataFile> files, List<Partition> partitions, boolean overwrite, String writeId);

    /** Records a write before it stores its first file, so that its files are found should its coordinator die. */
    void beginWrite(PendingWrite write);

    /** Renews every pending write of {@code owner} until {@code expiresAt} (epoch ms): they are still running. */
    void renewWrites(String owner, long expiresAt);

    /** Pending writes that expired before {@code now} (epoch ms): their coordinators are gone. */
    List<PendingWrite> abandonedWrites(long now);

    /** Forgets a pending write, once its files are deleted. */
    void endWrite(String writeId);

    /** Registers partitions; fails with ALREADY_EXISTS for one the table has unless {@code ifNotExists}. */
    void addPartitions(String schema, String name, List<Partition> partitions, boolean ifNotExists);

    /** Forgets partitions and the files committed to them; fails with UNKNOWN_PARTITION for a missing one unless {@code ifExists}. */
    void dropPartitions(String schema, String name, List<List<String>> values, boolean ifExists);
}
