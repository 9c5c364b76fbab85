package dev.shoal.parquet.catalog;

import dev.shoal.core.catalog.Catalog;
import dev.shoal.core.catalog.TableDefinition;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** A catalog held in memory (tables registered at start-up; persistence comes with DDL). */
public final class InMemoryCatalog implements Catalog {
    private final Map<String, Map<String, TableDefinition>> schemas = new ConcurrentHashMap<>();

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public List<String> schemas() {
        return schemas.keySet().stream().sorted().toList();
    }

    @Override
    public List<TableDefinition> tables(String schema) {
        Map<String, TableDefinition> tables = schemas.get(key(schema));
        return tables == null ? List.of() : List.copyOf(new TreeMap<>(tables).values());
    }

    @Override
    public Optional<TableDefinition> table(String schema, String name) {
        Map<String, TableDefinition> tables = schemas.get(key(schema));
        return tables == null ? Optional.empty() : Optional.ofNullable(tables.get(key(name)));
    }

    @Override
    public void createTable(TableDefinition table) {
        Map<String, TableDefinition> tables = schemas.computeIfAbsent(key(table.schema()), s -> new ConcurrentHashMap<>());
        if (tables.putIfAbsent(key(table.name()), table) != null) {
            throw new ShoalException(ErrorCode.ALREADY_EXISTS, "table " + table.qualifiedName() + " already exists");
        }
    }
}
