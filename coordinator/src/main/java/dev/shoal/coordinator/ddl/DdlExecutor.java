package dev.shoal.coordinator.ddl;

import dev.shoal.coordinator.lifecycle.TrackedQuery;
import dev.shoal.coordinator.query.QueryManager;
import dev.shoal.core.catalog.Catalog;
import dev.shoal.core.catalog.DataFile;
import dev.shoal.core.catalog.SchemaDefinition;
import dev.shoal.core.catalog.TableDefinition;
import dev.shoal.core.catalog.TableKind;
import dev.shoal.core.catalog.ViewDefinition;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.parquet.store.Location;
import dev.shoal.parquet.store.ObjectStore;
import dev.shoal.planner.PlannedQuery;
import dev.shoal.planner.QueryPlanner;
import dev.shoal.planner.WrittenColumns;
import dev.shoal.planner.calcite.InformationSchema;
import dev.shoal.planner.parser.ddl.ColumnTypes;
import dev.shoal.planner.parser.ddl.SqlAlterPartitions;
import dev.shoal.planner.parser.ddl.SqlAlterTable;
import dev.shoal.planner.parser.ddl.SqlCreateExternalTable;
import dev.shoal.planner.parser.ddl.SqlCreateSchema;
import dev.shoal.planner.parser.ddl.SqlCreateTable;
import dev.shoal.planner.parser.ddl.SqlCreateTableAs;
import dev.shoal.planner.parser.ddl.SqlCreateView;
import dev.shoal.planner.parser.ddl.SqlDropRelation;
import dev.shoal.planner.parser.ddl.SqlDropSchema;
import dev.shoal.planner.parser.ddl.SqlInsertOverwrite;
import dev.shoal.planner.parser.ddl.SqlRepairTable;
import dev.shoal.planner.parser.ddl.SqlShow;
import org.apache.calcite.sql.SqlDescribeTable;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs the statements that change or list the catalog: CREATE/DROP SCHEMA, CREATE EXTERNAL TABLE,
 * CREATE TABLE AS ({@link CreateTableExecutor}), INSERT ({@link InsertExecutor}), DROP TABLE,
 * SHOW SCHEMAS and SHOW TABLES. Each change is one catalog transaction; a statement
 * that fails leaves the catalog as it was.
 */
public final class DdlExecutor {

    private final Catalog catalog;
    private final ObjectStore store;
    private final CreateTableExecutor createTableAs;
    private final InsertExecutor insert;
    private final ShowExecutor show;
    private final ExternalTableExecutor externalTables;
    private final PartitionExecutor partitions;
    private final QueryPlanner planner;

    public DdlExecutor(Catalog catalog, ObjectStore store, QueryManager queries, Optional<String> warehouse, PendingWrites pending) {
        this.catalog = catalog;
        this.store = store;
        TableWrite write = new TableWrite(queries, pending);
        this.createTableAs = new CreateTableExecutor(catalog, store, write, warehouse);
        this.insert = new InsertExecutor(catalog, store, write, queries.planner());
        this.planner = queries.planner();
        this.show = new ShowExecutor(catalog, planner.systemTables());
        this.externalTables = new ExternalTableExecutor(catalog, store);
        this.partitions = new PartitionExecutor(catalog, store);
    }

    /** Whether this executor runs the statement (otherwise it is a query for the planner). */
    public static boolean handles(SqlNode statement) {
        return statement instanceof SqlCreateSchema || statement instanceof SqlDropSchema
                || statement instanceof SqlCreateExternalTable || statement instanceof SqlCreateTableAs || statement instanceof SqlCreateTable
                || statement instanceof SqlInsert || statement instanceof SqlDropRelation || statement instanceof SqlShow
                || statement instanceof SqlDescribeTable || statement instanceof SqlCreateView
                || statement instanceof SqlAlterTable || statement instanceof SqlAlterPartitions || statement instanceof SqlRepairTable;
    }

    /** The columns a statement's result has, known before it runs (none for DDL). */
    public static List<String> resultColumns(SqlNode statement) {
        if (statement instanceof SqlRepairTable) {
            return PartitionExecutor.REPAIR_COLUMNS;
        }
        return ShowExecutor.resultColumns(statement);
    }

    /**
     * Runs a statement {@link #handles} accepts: {@code sql} is its text (a view keeps its query's),
     * {@code fresh} parses it again, parameters bound, where a statement needs a tree of its own;
     * {@code query} is the statement's session (its schema for unqualified names) and its cancel, which stops the query under a write.
     */
    public CommandResult execute(SqlNode statement, String sql, Supplier<SqlNode> fresh, TrackedQuery query) {
        return execute(statement, sql, fresh, query, false);
    }

    /** Whether EXPLAIN ANALYZE can run the statement: a write, run and committed, then reported (as Trino does). */
    public static boolean analyzable(SqlNode statement) {
        return statement instanceof SqlCreateTableAs || statement instanceof SqlInsert;
    }

    /**
     * {@code analyze}: EXPLAIN ANALYZE of a write ({@link #analyzable}); the result then carries what it
     * wrote and how its query ran.
     */
    public CommandResult execute(SqlNode statement, String sql, Supplier<SqlNode> fresh, TrackedQuery query, boolean analyze) {
        String defaultSchema = query.session().schema();
        if (statement instanceof SqlCreateSchema create) {
            return createSchema(create);
        }
        if (statement instanceof SqlDropSchema drop) {
            return dropSchema(drop);
        }
        if (statement instanceof SqlCreateExternalTable create) {
            return externalTables.create(create, TableName.of(create.name(), defaultSchema));
        }
        if (statement instanceof SqlCreateTable create) {
            return createTableAs.createEmpty(create, TableName.of(create.name(), defaultSchema));
        }
        if (statement instanceof SqlCreateTableAs create) {
            return createTableAs.execute(create, TableName.of(create.name(), defaultSchema), analyze, query);
        }
        if (statement instanceof SqlInsert insert) {
            if (!(insert.getTargetTable() instanceof SqlIdentifier target)) {
                throw new ShoalException(ErrorCode.NOT_SUPPORTED, "INSERT INTO wants a table name");
            }
            return this.insert.execute(() -> (SqlInsert) fresh.get(), TableName.of(target, defaultSchema),
                    insert instanceof SqlInsertOverwrite, analyze, query);
        }
        if (statement instanceof SqlAlterTable alter) {
            return alterTable(alter, defaultSchema);
        }
        if (statement instanceof SqlAlterPartitions alter) {
            return partitions.alter(alter, TableName.of(alter.table(), defaultSchema));
        }
        if (statement instanceof SqlRepairTable repair) {
            return partitions.repair(repair, TableName.of(repair.table(), defaultSchema));
        }
        if (statement instanceof SqlCreateView create) {
            return createView(create, sql, defaultSchema);
        }
        if (statement instanceof SqlDropRelation drop && drop.view()) {
            TableName name = TableName.of(drop.name(), defaultSchema);
            if (!(drop.ifExists && catalog.view(name.schema(), name.table()).isEmpty())) {
                catalog.dropView(name.schema(), name.table());
            }
            return CommandResult.done();
        }
        if (statement instanceof SqlDropRelation drop) {
            return dropTable(drop, defaultSchema);
        }
        if (statement instanceof SqlShow || statement instanceof SqlDescribeTable) {
            return show.execute(statement, defaultSchema);
        }
        throw new ShoalException(ErrorCode.NOT_SUPPORTED, "statement " + statement.getKind() + " is not supported");
    }

    private CommandResult alterTable(SqlAlterTable alter, String defaultSchema) {
        TableName name = TableName.of(alter.name(), defaultSchema);
        if (alter.newName().isPresent()) {
            // A table keeps its files where they are: a managed table's folder keeps its old name.
            TableName renamed = TableName.of(alter.newName().get(), name.schema());
            catalog.renameTable(name.schema(), name.table(), renamed.schema(), renamed.table());
        } else {
            catalog.addColumn(name.schema(), name.table(), ColumnTypes.column(alter.addedColumn().orElseThrow()));
        }
        return CommandResult.done();
    }

    /** The view keeps its query's text and the columns it plans to now; reading it plans the text again. */
    private CommandResult createView(SqlCreateView create, String sql, String defaultSchema) {
        TableName name = TableName.of(create.name(), defaultSchema);
        PlannedQuery planned = planner.plan(create.query(), System.nanoTime(), defaultSchema);
        List<ScanColumn> columns = WrittenColumns.of(planned.columnNames(), planned.columnTypes());
        catalog.createView(new ViewDefinition(name.schema(), name.table(), create.queryText(sql), defaultSchema, columns),
                create.getReplace());
        return CommandResult.done();
    }

    private CommandResult createSchema(SqlCreateSchema create) {
        String name = TableName.simple(create.name(), "schema");
        if (name.equals(InformationSchema.NAME)) {
            throw new ShoalException(ErrorCode.ALREADY_EXISTS, "schema information_schema is the system's: it lists the catalog");
        }
        if (create.ifNotExists && catalog.schema(name).isPresent()) {
            return CommandResult.done();
        }
        create.location().ifPresent(DdlExecutor::checkLocation);
        catalog.createSchema(new SchemaDefinition(name, create.location().map(DdlExecutor::asPrefix)));
        return CommandResult.done();
    }

    private CommandResult dropSchema(SqlDropSchema drop) {
        String name = TableName.simple(drop.name(), "schema");
        if (drop.ifExists && catalog.schema(name).isEmpty()) {
            return CommandResult.done();
        }
        catalog.dropSchema(name, drop.cascade());
        return CommandResult.done();
    }

    private CommandResult dropTable(SqlDropRelation drop, String defaultSchema) {
        TableName name = TableName.of(drop.name(), defaultSchema);
        Optional<TableDefinition> table = catalog.table(name.schema(), name.table());
        if (table.isEmpty() && catalog.view(name.schema(), name.table()).isPresent()) {
            throw new ShoalException(ErrorCode.INVALID_ARGUMENT, name + " is a view: DROP VIEW " + name);
        }
        if (table.isEmpty()) {
            if (drop.ifExists) {
                return CommandResult.done();
            }
            throw new ShoalException(ErrorCode.UNKNOWN_TABLE, "table " + name + " does not exist");
        }
        // An external table's files belong to whoever put them there: only the catalog entry goes.
        // A managed table's go after it, so that no query can find the table and miss its files.
        catalog.dropTable(name.schema(), name.table());
        if (table.get().kind() == TableKind.MANAGED) {
            List<DataFile> files = new ArrayList<>(table.get().files().orElse(List.of()));
            table.get().partitions().forEach(partition -> files.addAll(partition.files().orElse(List.of())));
            UncommittedFiles.delete(store, files, "table " + name + " is dropped");
        }
        return CommandResult.done();
    }

    /** {@code location}, once it parses as one; otherwise an error that shows what one looks like. */
    static String checkLocation(String location) {
        try {
            Location.parse(location);
            return location;
        } catch (RuntimeException e) {
            throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "LOCATION '" + location + "' is not a location: "
                    + e.getMessage() + " (for example s3://bucket/prefix/)");
        }
    }

    static String asPrefix(String location) {
        return location.endsWith("/") ? location : location + "/";
    }
}
