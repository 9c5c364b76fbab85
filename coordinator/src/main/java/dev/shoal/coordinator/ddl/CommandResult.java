package dev.shoal.coordinator.ddl;

import dev.shoal.core.type.DataType;

import java.util.List;

/** What a statement that is not a query returns: rows (SHOW) or nothing but success (DDL). */
public record CommandResult(List<String> columnNames, List<DataType> columnTypes, List<Object[]> rows) {
    public CommandResult {
        columnNames = List.copyOf(columnNames);
        columnTypes = List.copyOf(columnTypes);
        rows = List.copyOf(rows);
    }

    static CommandResult done() {
        return new CommandResult(List.of(), List.of(), List.of());
    }

    /** A DDL statement's result: an update count for JDBC, no result set. */
    public boolean isUpdate() {
        return columnNames.isEmpty();
    }
}
