package dev.shoal.coordinator.ddl;

import dev.shoal.core.catalog.TableDefinition;
import dev.shoal.core.catalog.TableKind;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.core.type.DataType;
import dev.shoal.planner.parser.ShoalParser;
import dev.shoal.planner.parser.ddl.SqlCreateExternalTable;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShowExecutorTest {
    @Test
    void showCreateTablePrintsDdlThatParsesBackToTheSameTable() {
        TableDefinition table = new TableDefinition("lake", "odd \"name\"", "s3://lake/it's/",
                List.of(new ScanColumn("id", DataType.BIGINT), new ScanColumn("price", DataType.decimal(12, 2)),
                        new ScanColumn("at", DataType.TIMESTAMP)),
                TableKind.EXTERNAL, Map.of("comment", "a 'quoted' comment", "owner", "me"));
        String ddl = ShowExecutor.createTable(table);
        SqlCreateExternalTable parsed = (SqlCreateExternalTable) ShoalParser.parse(ddl);
        assertEquals(List.of("lake", "odd \"name\""), parsed.name().names);
        assertEquals("s3://lake/it's/", parsed.location());
        assertEquals(List.of("id", "price", "at"), parsed.columns().stream().map(c -> c.name().getSimple()).toList());
        assertEquals("a 'quoted' comment", parsed.comment().orElseThrow());
        assertEquals(Map.of("owner", "me"), parsed.properties());
        assertTrue(ddl.contains("\"at\" timestamp(6)"), ddl);
    }

    @Test
    void likePatternsMatchAsSqlDoes() {
        LikePattern pattern = new LikePattern("li_e%");
        assertTrue(pattern.matches("lineitem"));
        assertTrue(pattern.matches("LIKE"), "names compare case-insensitively");
        assertFalse(pattern.matches("lie"));
        assertFalse(new LikePattern("a.c").matches("abc"), "a dot is a dot, not a regular expression");
    }
}
