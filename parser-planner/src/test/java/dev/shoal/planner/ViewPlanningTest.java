package dev.shoal.planner;

import dev.shoal.catalog.StoredCatalog;
import dev.shoal.core.catalog.SchemaDefinition;
import dev.shoal.core.catalog.TableDefinition;
import dev.shoal.core.catalog.ViewDefinition;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.core.type.DataType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Views are planned from their text: a view over a table, and a view with ORDER BY and LIMIT over that view. */
class ViewPlanningTest {
    @Test
    void viewsOfViewsPlan() {
        StoredCatalog catalog = StoredCatalog.temporary();
        catalog.createTable(new TableDefinition("s", "orders", "s3://lake/orders/",
                List.of(new ScanColumn("o_orderkey", DataType.BIGINT), new ScanColumn("o_totalprice", DataType.DOUBLE))));
        catalog.createSchema(SchemaDefinition.named("v"));
        catalog.createView(new ViewDefinition("v", "big", "select o_orderkey, o_totalprice from orders where o_totalprice > 10", "s",
                List.of(new ScanColumn("o_orderkey", DataType.BIGINT), new ScanColumn("o_totalprice", DataType.DOUBLE))), false);
        catalog.createView(new ViewDefinition("v", "top", "select o_orderkey from v.big order by o_totalprice desc limit 5", "s",
                List.of(new ScanColumn("o_orderkey", DataType.BIGINT))), false);
        QueryPlanner planner = new QueryPlanner(catalog, "s");
        assertEquals(List.of("o_orderkey", "o_totalprice"), planner.plan("select * from v.big").columnNames());
        assertEquals(List.of("o_orderkey"), planner.plan("select * from v.top").columnNames());
    }
}
