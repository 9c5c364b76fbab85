package dev.shoal.parquet.catalog;

import dev.shoal.core.catalog.Catalog;
import dev.shoal.core.catalog.DataFile;
import dev.shoal.core.catalog.SchemaDefinition;
import dev.shoal.core.catalog.TableDefinition;
import dev.shoal.core.catalog.ViewDefinition;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.plan.ScanColumn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A catalog held in memory, for planner tests and throwaway clusters; nothing survives the process. */
public final class InMemoryCatalog implements Catalog {
    private final Map<String, SchemaDefinition> schemas = new TreeMap<>();
    private final Map<String, Map<String, TableDefinition>> tables = new TreeMap<>();
    private final Map<String, Map<String, ViewDefinition>> views = new TreeMap<>();

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public synchronized List<String> schemas() {
        return List.copyOf(schemas.keySet());
    }

    @Override
    public synchronized Optional<SchemaDefinition> schema(String name) {
        return Optional.ofNullable(schemas.get(key(name)));
    }

    @Override
    public synchronized List<TableDefinition> tables(String schema) {
        Map<String, TableDefinition> inSchema = tables.get(key(schema));
        return inSchema == null ? List.of() : List.copyOf(inSchema.values());
    }

    @Override
    public synchronized Optional<TableDefinition> table(String schema, String name) {
        Map<String, TableDefinition> inSchema = tables.get(key(schema));
        return inSchema == null ? Optional.empty() : Optional.ofNullable(inSchema.get(key(name)));
    }

    @Override
    public synchronized void createSchema(SchemaDefinition schema) {
        if (schemas.putIfAbsent(key(schema.name()), schema) != null) {
            throw new ShoalException(ErrorCode.ALREADY_EXISTS, "schema " + schema.name() + " already exists");
        }
        tables.put(key(schema.name()), new TreeMap<>());
    }

    @Override
    public synchronized void dropSchema(String name, boolean cascade) {
        Map<String, TableDefinition> inSchema = tables.get(key(name));
        if (inSchema == null) {
            throw new ShoalException(ErrorCode.UNKNOWN_SCHEMA, "schema " + name + " does not exist");
        }
        if (!inSchema.isEmpty() && !cascade) {
            throw new ShoalException(ErrorCode.SCHEMA_NOT_EMPTY, "schema " + name + " has tables; DROP SCHEMA ... CASCADE drops them too");
        }
        tables.remove(key(name));
        views.remove(key(name));
        schemas.remove(key(name));
    }

    @Override
    public synchronized void createTable(TableDefinition table) {
        if (!schemas.containsKey(key(table.schema()))) {
            createSchema(SchemaDefinition.named(key(table.schema())));
        }
        if (tables.get(key(table.schema())).putIfAbsent(key(table.name()), table) != null) {
            throw new ShoalException(ErrorCode.ALREADY_EXISTS, "table " + table.qualifiedName() + " already exists");
        }
    }

    @Override
    public synchronized void renameTable(String schema, String name, String newSchema, String newName) {
        TableDefinition table = table(schema, name)
                .orElseThrow(() -> new ShoalException(ErrorCode.UNKNOWN_TABLE, "table " + schema + "." + name + " does not exist"));
        if (table(newSchema, newName).isPresent() || view(newSchema, newName).isPresent()) {
            throw new ShoalException(ErrorCode.ALREADY_EXISTS, newSchema + "." + newName + " already exists");
        }
        if (!schemas.containsKey(key(newSchema))) {
            throw new ShoalException(ErrorCode.UNKNOWN_SCHEMA, "schema " + newSchema + " does not exist");
        }
        tables.get(key(schema)).remove(key(name));
        tables.get(key(newSchema)).put(key(newName), new TableDefinition(key(newSchema), key(newName), table.location(), table.columns(),
                table.kind(), table.properties(), table.files()));
    }

    @Override
    public synchronized void addColumn(String schema, String name, ScanColumn column) {
        TableDefinition table = table(schema, name)
                .orElseThrow(() -> new ShoalException(ErrorCode.UNKNOWN_TABLE, "table " + schema + "." + name + " does not exist"));
        List<ScanColumn> columns = new ArrayList<>(table.columns());
        columns.add(column);
        tables.get(key(schema)).put(key(name), new TableDefinition(table.schema(), table.name(), table.location(), columns,
                table.kind(), table.properties(), table.files()));
    }

    @Override
    public synchronized List<ViewDefinition> views(String schema) {
        return List.copyOf(views.getOrDefault(key(schema), Map.of()).values());
    }

    @Override
    public synchronized Optional<ViewDefinition> view(String schema, String name) {
        return Optional.ofNullable(views.getOrDefault(key(schema), Map.of()).get(key(name)));
    }

    @Override
    public synchronized void createView(ViewDefinition view, boolean replace) {
        if (!schemas.containsKey(key(view.schema()))) {
            throw new ShoalException(ErrorCode.UNKNOWN_SCHEMA, "schema " + view.schema() + " does not exist");
        }
        if (table(view.schema(), view.name()).isPresent() || (!replace && view(view.schema(), view.name()).isPresent())) {
            throw new ShoalException(ErrorCode.ALREADY_EXISTS, view.qualifiedName() + " already exists");
        }
        views.computeIfAbsent(key(view.schema()), s -> new TreeMap<>()).put(key(view.name()), view);
    }

    @Override
    public synchronized void dropView(String schema, String name) {
        if (views.getOrDefault(key(schema), new TreeMap<>()).remove(key(name)) == null) {
            throw new ShoalException(ErrorCode.UNKNOWN_TABLE, "view " + schema + "." + name + " does not exist");
        }
    }

    @Override
    public synchronized void addFiles(String schema, String name, List<DataFile> files) {
        TableDefinition table = table(schema, name)
                .orElseThrow(() -> new ShoalException(ErrorCode.UNKNOWN_TABLE, "table " + schema + "." + name + " does not exist"));
        if (table.files().isEmpty()) {
            throw new ShoalException(ErrorCode.NOT_SUPPORTED, "table " + table.qualifiedName() + " has no file list");
        }
        List<DataFile> all = new ArrayList<>(table.files().get());
        all.addAll(files);
        tables.get(key(schema)).put(key(name), new TableDefinition(table.schema(), table.name(), table.location(), table.columns(),
                table.kind(), table.properties(), Optional.of(all)));
    }

    @Override
    public synchronized void dropTable(String schema, String name) {
        Map<String, TableDefinition> inSchema = tables.get(key(schema));
        if (inSchema == null || inSchema.remove(key(name)) == null) {
            throw new ShoalException(ErrorCode.UNKNOWN_TABLE, "table " + schema + "." + name + " does not exist");
        }
    }
}
