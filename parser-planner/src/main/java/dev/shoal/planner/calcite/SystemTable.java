package dev.shoal.planner.calcite;

import dev.shoal.core.plan.ScanColumn;
import dev.shoal.planner.Session;

import java.util.List;
import java.util.function.Function;

/**
 * A table of the engine's own state ({@code system.runtime.queries}, {@code system.runtime.nodes}):
 * its schema under {@code system}, name, columns, and the rows a session sees, read when a query over it is planned.
 * Values are String, Long, Boolean, or Instant for TIMESTAMP columns (UTC); null for NULL.
 */
public record SystemTable(String schema, String name, List<ScanColumn> columns, Function<Session, List<List<Object>>> rows) {
    public SystemTable {
        columns = List.copyOf(columns);
    }
}
