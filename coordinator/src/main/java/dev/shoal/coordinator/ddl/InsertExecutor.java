package dev.shoal.coordinator.ddl;

import dev.shoal.coordinator.lifecycle.TrackedQuery;
import dev.shoal.core.catalog.Catalog;
import dev.shoal.core.catalog.DataFile;
import dev.shoal.core.catalog.Partition;
import dev.shoal.core.catalog.TableDefinition;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.core.type.DataType;
import dev.shoal.core.type.TypeKind;
import dev.shoal.parquet.store.ObjectStore;
import dev.shoal.planner.QueryPlanner;
import dev.shoal.planner.parser.ShoalParser;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * {@code INSERT INTO t [(columns)] query}: the query's rows are written as new files of t, cast to
 * t's column types (columns not listed are NULL), and the files are added to t in one catalog
 * transaction; until then no query sees them, and a failed insert deletes them. A partitioned
 * table's rows go to their partitions' folders, new partitions created at the commit.
 * {@code INSERT OVERWRITE} (Spark's and Hive's dynamic overwrite) replaces the files of the
 * partitions the query writes, or all of an unpartitioned table's, in the same transaction.
 */
final class InsertExecutor {
    private static final String SOURCE = "$source";


    private final Catalog catalog;
    private final ObjectStore store;
    private final TableWrite write;
    private final QueryPlanner planner;

    InsertExecutor(Catalog catalog, ObjectStore store, TableWrite write, QueryPlanner planner) {
        this.catalog = catalog;
        this.store = store;
        this.write = write;
        this.planner = planner;
    }

    /**
     * {@code statement} parses the statement afresh each call: Calcite's validator rewrites the
     * tree it validates, and the query is validated twice, alone for its types, then under the casts.
     */
    CommandResult execute(Supplier<SqlInsert> statement, TableName name, boolean overwrite, boolean analyze, TrackedQuery query) {
        SqlInsert insert = statement.get();
        long start = System.nanoTime();
        TableDefinition table = catalog.table(name.schema(), name.table())
                .orElseThrow(() -> new ShoalException(ErrorCode.UNKNOWN_TABLE, "table " + name + " does not exist"));
        if (table.files().isEmpty()) {
            throw new ShoalException(ErrorCode.NOT_SUPPORTED, "table " + name + " is read by listing its location "
                    + "(CREATE EXTERNAL TABLE); INSERT writes into tables made by CREATE TABLE AS");
        }
        List<Integer> targets = targetColumns(insert, table);
        List<DataType> given = planner.plan(insert.getSource(), start, query.session()).columnTypes();
        if (given.size() != targets.size()) {
            throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "INSERT into " + name + " gives " + given.size()
                    + " column(s) for " + targets.size() + ": " + targets.stream().map(i -> table.columns().get(i).name()).toList());
        }
        for (int j = 0; j < targets.size(); j++) {
            ScanColumn column = table.columns().get(targets.get(j));
            if (!assignable(given.get(j), column.type())) {
                throw new ShoalException(ErrorCode.TYPE_MISMATCH, "INSERT into " + name + ": column " + column.name() + " is "
                        + column.type() + ", the query gives " + given.get(j));
            }
        }
        SqlNode rows = castToTable(statement.get().getSource(), table, targets, given.size());
        TableWrite.Result written = write.write(WriteSpec.of(table), rows, start, true, analyze, query,
                result -> catalog.addFiles(name.schema(), name.table(), result.files(),
                        result.partitions(table.partitionColumns(), table.location()), overwrite, result.writeId()));
        if (overwrite) {
            deleteReplaced(table, written);
        }
        return CommandResult.written(written, name.toString());
    }

    /**
     * After INSERT OVERWRITE commits, the files it replaced are no longer in the catalog: they go,
     * as the catalog had them when the statement began (a file is never deleted before the commit).
     */
    private void deleteReplaced(TableDefinition table, TableWrite.Result written) {
        List<DataFile> replaced = new ArrayList<>();
        if (!table.isPartitioned()) {
            replaced.addAll(table.files().orElse(List.of()));
        }
        for (Partition partition : written.partitions(table.partitionColumns(), table.location())) {
            table.partition(partition.values()).flatMap(Partition::files).ifPresent(replaced::addAll);
        }
        UncommittedFiles.delete(store, replaced, "INSERT OVERWRITE into " + table.qualifiedName() + " replaced a file");
    }

    /** Positions in the table of the columns the statement fills: its column list, or all of them. */
    private static List<Integer> targetColumns(SqlInsert insert, TableDefinition table) {
        List<String> names = table.columns().stream().map(ScanColumn::name).toList();
        if (insert.getTargetColumnList() == null) {
            return IntStream.range(0, names.size()).boxed().toList();
        }
        List<Integer> targets = new ArrayList<>();
        for (SqlNode node : insert.getTargetColumnList()) {
            String column = ((SqlIdentifier) node).getSimple().toLowerCase(Locale.ROOT);
            int position = names.indexOf(column);
            if (position < 0) {
                throw new ShoalException(ErrorCode.UNKNOWN_COLUMN, "table " + table.qualifiedName() + " has no column " + column);
            }
            if (targets.contains(position)) {
                throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "column " + column + " is listed twice");
            }
            targets.add(position);
        }
        return targets;
    }

    /** Trino's insert coercions: the same type, a wider number, or NULL. */
    private static boolean assignable(DataType from, DataType to) {
        if (from.equals(to) || from.kind() == to.kind() && from.kind() != TypeKind.DECIMAL) {
            return true;
        }
        boolean fromExact = from.kind() == TypeKind.INTEGER || from.kind() == TypeKind.BIGINT || from.kind() == TypeKind.DECIMAL;
        return switch (to.kind()) {
            case BIGINT -> from.kind() == TypeKind.INTEGER;
            case DOUBLE -> fromExact;
            case DECIMAL -> fromExact && integerDigits(from) <= to.precision() - to.scale() && from.scale() <= to.scale();
            case TIMESTAMP -> from.kind() == TypeKind.DATE;
            default -> false;
        };
    }

    private static int integerDigits(DataType type) {
        return switch (type.kind()) {
            case INTEGER -> 10;
            case BIGINT -> 19;
            default -> type.precision() - type.scale();
        };
    }

    /** {@code SELECT CAST("$source"."$c0" AS type) AS col, CAST(NULL AS type) AS other, ... FROM (query) AS "$source"("$c0", ...)}. */
    private static SqlNode castToTable(SqlNode source, TableDefinition table, List<Integer> targets, int width) {
        List<String> items = new ArrayList<>();
        for (int c = 0; c < table.columns().size(); c++) {
            ScanColumn column = table.columns().get(c);
            int given = targets.indexOf(c);
            String value = given < 0 ? "NULL" : "\"" + SOURCE + "\".\"$c" + given + "\"";
            items.add("CAST(" + value + " AS " + column.type() + ") AS \"" + column.name().replace("\"", "\"\"") + "\"");
        }
        SqlSelect select = (SqlSelect) ShoalParser.parseQuery("SELECT " + String.join(", ", items) + " FROM (VALUES 1) AS \"" + SOURCE + "\"");
        List<SqlNode> as = new ArrayList<>();
        as.add(source);
        as.add(new SqlIdentifier(SOURCE, SqlParserPos.ZERO));
        for (int i = 0; i < width; i++) {
            as.add(new SqlIdentifier("$c" + i, SqlParserPos.ZERO));
        }
        select.setFrom(SqlStdOperatorTable.AS.createCall(SqlParserPos.ZERO, as));
        return select;
    }
}
