package dev.shoal.planner.calcite;

import dev.shoal.planner.Session;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code system}: Trino's system catalog as a schema whose sub-schemas ({@code runtime}, ...) hold
 * the coordinator's {@link SystemTable}s, so that {@code system.runtime.queries} reads as in Trino.
 */
public final class SystemSchema extends AbstractSchema {
    public static final String NAME = "system";

    private final List<SystemTable> tables;
    private final Session session;

    /** {@code session}: whose query reads the tables (a user sees only their own queries, unless an admin). */
    public SystemSchema(List<SystemTable> tables, Session session) {
        this.tables = List.copyOf(tables);
        this.session = session;
    }

    /** The schemas the system tables are under (runtime, jdbc), sorted. */
    public static List<String> schemaNames(List<SystemTable> tables) {
        return tables.stream().map(SystemTable::schema).distinct().sorted().toList();
    }

    @Override
    protected Map<String, Schema> getSubSchemaMap() {
        Map<String, Map<String, Table>> bySchema = new TreeMap<>();
        for (SystemTable table : tables) {
            bySchema.computeIfAbsent(table.schema(), s -> new LinkedHashMap<>()).put(table.name(), new ValuesTable(table.columns(), () -> table.rows().apply(session)));
        }
        Map<String, Schema> schemas = new LinkedHashMap<>();
        bySchema.forEach((name, content) -> schemas.put(name, new AbstractSchema() {
            @Override
            protected Map<String, Table> getTableMap() {
                return content;
            }
        }));
        return schemas;
    }
}
