package dev.shoal.planner.calcite;

import dev.shoal.catalog.StoredCatalog;
import dev.shoal.core.catalog.TableDefinition;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.core.type.DataType;
import dev.shoal.planner.QueryPlanner;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComparisonTypesTest {
    private static final QueryPlanner PLANNER;

    static {
        StoredCatalog catalog = StoredCatalog.temporary();
        catalog.createTable(new TableDefinition("s", "t", "s3://lake/t/", List.of(new ScanColumn("id", DataType.BIGINT),
                new ScanColumn("name", DataType.VARCHAR), new ScanColumn("price", DataType.decimal(12, 2)),
                new ScanColumn("day", DataType.DATE), new ScanColumn("at", DataType.TIMESTAMP), new ScanColumn("ok", DataType.BOOLEAN))));
        PLANNER = new QueryPlanner(catalog, "s");
    }

    private static ShoalException refused(String where) {
        return assertThrows(ShoalException.class, () -> PLANNER.plan("select id from t where " + where));
    }

    @Test
    void stringsNumbersAndBooleansDoNotCompare() {
        ShoalException e = refused("name = 1");
        assertEquals(ErrorCode.TYPE_MISMATCH, e.code());
        assertTrue(e.getMessage().startsWith("line 1, column 24: Cannot apply operator: varchar = integer"), e.getMessage());
        refused("id in ('a', 'b')");
        refused("price between 'a' and 'z'");
        refused("ok = 1");
        refused("day > 'yesterday'");
    }

    @Test
    void numbersWithNumbersAndLikeWithLikeDo() {
        for (String where : List.of("id = 1", "price > 5", "id in (1, 2.5)", "day = date '2024-01-01'", "name = 'x'", "name is null", "id = null",
                "id in (select id from t)", "ok")) {
            PLANNER.plan("select id from t where " + where);
        }
    }
}
