package dev.shoal.core.catalog;

import dev.shoal.core.plan.ScanColumn;

import java.util.List;

/**
 * A view: its query as written (planned again each time the view is read, with unqualified names
 * looked up in {@code sqlSchema}, the schema of the session that created it) and the columns it
 * had when created, which a query against it sees.
 */
public record ViewDefinition(String schema, String name, String sql, String sqlSchema, List<ScanColumn> columns) {
    public ViewDefinition {
        columns = List.copyOf(columns);
    }

    public String qualifiedName() {
        return schema + "." + name;
    }
}
