package dev.shoal.planner.calcite;

import dev.shoal.catalog.StoredCatalog;
import dev.shoal.core.catalog.TableDefinition;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.core.type.DataType;
import dev.shoal.planner.QueryPlanner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Result types of decimal arithmetic follow Trino's documented rules (integers count as
 * DECIMAL(10,0), BIGINT as DECIMAL(19,0)):
 * <pre>
 *   a + b, a - b   DECIMAL(min(38, 1 + max(s1, s2) + max(p1 - s1, p2 - s2)), max(s1, s2))
 *   a * b          DECIMAL(min(38, p1 + p2), s1 + s2)
 *   a / b          DECIMAL(min(38, p1 + s2 + max(0, s2 - s1)), max(s1, s2))
 *   a % b          DECIMAL(min(p2 - s2, p1 - s1) + max(s1, s2), max(s1, s2))
 * </pre>
 */
class DecimalArithmeticTypesTest {
    private static final QueryPlanner PLANNER;

    static {
        StoredCatalog catalog = StoredCatalog.temporary();
        catalog.createTable(new TableDefinition("s", "t", "s3://lake/t/", List.of(
                new ScanColumn("d72", DataType.decimal(7, 2)), new ScanColumn("d54", DataType.decimal(5, 4)),
                new ScanColumn("d154", DataType.decimal(15, 4)), new ScanColumn("d382", DataType.decimal(38, 2)),
                new ScanColumn("i", DataType.INTEGER), new ScanColumn("b", DataType.BIGINT))));
        PLANNER = new QueryPlanner(catalog, "s");
    }

    @ParameterizedTest(name = "{0} is DECIMAL({1},{2})")
    @CsvSource(delimiter = ';', value = {
            "d154 / d154; 19; 4",
            "d72 / d54; 13; 4",
            "d54 / d72; 7; 4",
            "d72 / i; 7; 2",
            "i / d72; 14; 2",
            "d72 / b; 7; 2",
            "b / d72; 23; 2",
            "d382 / d382; 38; 2",
            "d382 / d54; 38; 4",
            "d72 * d54; 12; 6",
            "d72 * i; 17; 2",
            "d72 + d54; 10; 4",
            "d72 - i; 13; 2",
            "d72 % d54; 5; 4",
            "d72 % i; 7; 2",
    })
    void resultTypeIsTrinos(String expression, int precision, int scale) {
        List<DataType> types = PLANNER.plan("select " + expression + " from t").columnTypes();
        assertEquals(DataType.decimal(precision, scale), types.get(0), expression);
    }
}
