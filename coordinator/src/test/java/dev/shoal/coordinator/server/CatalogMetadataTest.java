package dev.shoal.coordinator.server;

import dev.shoal.catalog.StoredCatalog;
import dev.shoal.core.catalog.SchemaDefinition;
import dev.shoal.core.catalog.TableDefinition;
import dev.shoal.core.catalog.ViewDefinition;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.core.type.DataType;
import org.junit.jupiter.api.Test;

import java.sql.Types;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogMetadataTest {
    @Test
    void jdbcSearchPatternsUsePercentUnderscoreAndBackslash() {
        assertTrue(CatalogMetadata.matches(null, "anything"));
        assertTrue(CatalogMetadata.matches("line%", "lineitem"));
        assertTrue(CatalogMetadata.matches("NATION", "nation"), "names fold to lower case");
        assertTrue(CatalogMetadata.matches("my\\_table", "my_table"));
        assertFalse(CatalogMetadata.matches("my\\_table", "myxtable"), "an escaped _ is itself");
        assertFalse(CatalogMetadata.matches("nat", "nation"));
    }

    @Test
    void tablesAndViewsListInOrderWithTheirTypesAndColumns() {
        StoredCatalog catalog = StoredCatalog.temporary();
        catalog.createTable(new TableDefinition("s", "orders", "s3://lake/orders/",
                List.of(new ScanColumn("o_orderkey", DataType.BIGINT), new ScanColumn("o_price", DataType.decimal(15, 2)))));
        catalog.createSchema(SchemaDefinition.named("v"));
        catalog.createView(new ViewDefinition("v", "big", "select 1 as one", "s", List.of(new ScanColumn("one", DataType.INTEGER))),
                false);
        CatalogMetadata metadata = new CatalogMetadata(catalog, java.util.List.of());

        List<Object> tables = metadata.tables(null, null, null, null).rows();
        // By type first, as JDBC orders them: information_schema's SYSTEM TABLEs, then TABLE, then VIEW.
        assertEquals(List.of("columns/SYSTEM TABLE", "schemata/SYSTEM TABLE", "tables/SYSTEM TABLE", "views/SYSTEM TABLE", "orders/TABLE",
                "big/VIEW"), tables.stream().map(r -> ((Object[]) r)[2] + "/" + ((Object[]) r)[3]).toList());
        assertEquals(1, metadata.tables("shoal", "%", "%", List.of("VIEW")).rows().size());
        assertEquals(0, metadata.tables("other_catalog", null, null, null).rows().size());

        Object[] price = (Object[]) metadata.columns(null, "s", "orders", "o_price").rows().get(0);
        assertEquals(Types.DECIMAL, price[4]);
        assertEquals(15, price[6]);
        assertEquals(2, price[8]);
        assertEquals(2, price[16], "ORDINAL_POSITION counts from 1");
        assertEquals(24, metadata.columns(null, null, null, null).columns().size(), "JDBC's 24 getColumns columns");
    }
}
