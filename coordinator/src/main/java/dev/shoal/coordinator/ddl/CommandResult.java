package dev.shoal.coordinator.ddl;

import dev.shoal.coordinator.query.ExplainAnalyzePrinter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a statement that is not a query returns: rows (SHOW, DESCRIBE: their columns are known
 * before it runs, see {@link DdlExecutor#resultColumns}), or an update count (DDL: 0; CREATE TABLE
 * AS and INSERT: the rows written), and for a write run by EXPLAIN ANALYZE its report.
 */
public record CommandResult(List<Object[]> rows, long updateCount, List<String> analysis) {
    public CommandResult {
        rows = List.copyOf(rows);
        analysis = List.copyOf(analysis);
    }

    /** A write's result: the rows written, and with EXPLAIN ANALYZE what it wrote and how its query ran. */
    static CommandResult written(TableWrite.Result result, String table) {
        if (result.analysis().isEmpty()) {
            return updated(result.rows());
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Write: %d rows, %d files, %s into %s, committed", result.rows(),
                result.written().size(), ExplainAnalyzePrinter.bytes(result.bytes()), table));
        lines.addAll(result.analysis());
        return new CommandResult(List.of(), result.rows(), lines);
    }

    public static CommandResult done() {
        return updated(0);
    }

    public static CommandResult updated(long count) {
        return new CommandResult(List.of(), count, List.of());
    }

    public static CommandResult rows(List<Object[]> rows) {
        return new CommandResult(rows, -1, List.of());
    }

    /** A DDL statement's result: an update count for JDBC, no result set. */
    public boolean isUpdate() {
        return updateCount >= 0;
    }
}
