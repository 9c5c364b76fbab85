package dev.shoal.planner.functions;

import dev.shoal.catalog.StoredCatalog;
import dev.shoal.planner.QueryPlanner;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The list SHOW FUNCTIONS answers: one entry per signature, each with an example the planner translates. */
class BuiltinFunctionsTest {
    @Test
    void everySignatureIsListedOnceInNameOrder() {
        Set<String> signatures = new HashSet<>();
        List<FunctionInfo> all = BuiltinFunctions.all();
        for (int i = 0; i < all.size(); i++) {
            FunctionInfo function = all.get(i);
            assertTrue(signatures.add(function.name() + "(" + function.argumentTypes() + ")"), function.name());
            assertTrue(i == 0 || all.get(i - 1).name().compareTo(function.name()) <= 0, function.name());
        }
        assertTrue(BuiltinFunctions.names(FunctionInfo.Category.STRING).contains("lpad"));
        assertTrue(BuiltinFunctions.names(FunctionInfo.Category.NUMERIC).contains("sqrt"));
    }

    @Test
    void everyScalarExampleTakesAnArgumentPerPlaceholder() {
        for (FunctionInfo function : BuiltinFunctions.all()) {
            long placeholders = function.example().chars().filter(c -> c == '?').count();
            assertEquals(function.kind() == FunctionInfo.Kind.SCALAR ? function.exampleArguments().size() : 0, placeholders,
                    function.name());
        }
        FunctionInfo lpad = BuiltinFunctions.all().stream().filter(f -> f.name().equals("lpad")).findFirst().orElseThrow();
        assertEquals("SELECT lpad('7', 3, '0')", lpad.exampleQuery());
        assertEquals("SELECT lpad(c1, c2, c3) FROM (VALUES ('7', 3, '0'), ('7', 3, '0')) t(c1, c2, c3)", lpad.exampleOverColumns());
    }

    /** Each example with its arguments as columns, so that Calcite cannot fold it: translated, never refused. */
    @Test
    void theTranslatorRunsEveryListedFunctionOverColumns() {
        QueryPlanner planner = new QueryPlanner(StoredCatalog.temporary(), "default");
        for (FunctionInfo function : BuiltinFunctions.all()) {
            String query = function.exampleOverColumns();
            assertDoesNotThrow(() -> planner.plan(query), query);
        }
    }
}
