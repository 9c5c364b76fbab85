package dev.shoal.coordinator.ddl;

import java.util.List;

/**
 * What a statement that is not a query returns: rows (SHOW, DESCRIBE: their columns are known
 * before it runs, see {@link DdlExecutor#resultColumns}), or an update count (DDL: 0; CREATE TABLE
 * AS and INSERT: the rows written).
 */
public record CommandResult(List<Object[]> rows, long updateCount) {
    public CommandResult {
        rows = List.copyOf(rows);
    }

    static CommandResult done() {
        return updated(0);
    }

    public static CommandResult updated(long count) {
        return new CommandResult(List.of(), count);
    }

    static CommandResult rows(List<Object[]> rows) {
        return new CommandResult(rows, -1);
    }

    /** A DDL statement's result: an update count for JDBC, no result set. */
    public boolean isUpdate() {
        return updateCount >= 0;
    }
}
