package dev.shoal.coordinator.ddl;

import dev.shoal.core.type.DataType;

import java.util.List;

/** What a statement that is not a query returns: rows (SHOW), or an update count (DDL: 0; CREATE TABLE AS: rows written). */
public record CommandResult(List<String> columnNames, List<DataType> columnTypes, List<Object[]> rows, long updateCount) {
    public CommandResult {
        columnNames = List.copyOf(columnNames);
        columnTypes = List.copyOf(columnTypes);
        rows = List.copyOf(rows);
    }

    static CommandResult done() {
        return updated(0);
    }

    public static CommandResult updated(long count) {
        return new CommandResult(List.of(), List.of(), List.of(), count);
    }

    static CommandResult rows(List<String> columnNames, List<DataType> columnTypes, List<Object[]> rows) {
        return new CommandResult(columnNames, columnTypes, rows, -1);
    }

    /** A DDL statement's result: an update count for JDBC, no result set. */
    public boolean isUpdate() {
        return columnNames.isEmpty();
    }
}
