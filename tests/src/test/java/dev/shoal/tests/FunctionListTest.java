package dev.shoal.tests;

import dev.shoal.planner.functions.BuiltinFunctions;
import dev.shoal.planner.functions.FunctionInfo;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SHOW FUNCTIONS and DatabaseMetaData.getFunctions list the functions Shoal runs, and each does what
 * its entry says: every example returns its documented result, as a constant (which Calcite may fold
 * at planning) and over columns (which the workers compute).
 */
class FunctionListTest {
    private static String first(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }

    @Test
    void everyListedFunctionReturnsWhatItsExampleSays() throws Exception {
        List<String> failures = new ArrayList<>();
        try (Connection shoal = TestCluster.get().connect(); Statement s = shoal.createStatement()) {
            for (FunctionInfo function : BuiltinFunctions.all()) {
                for (String query : List.of(function.exampleQuery(), function.exampleOverColumns())) {
                    try {
                        String result = first(s, query);
                        if (!java.util.Objects.equals(function.exampleResult(), result)) {
                            failures.add(query + " returned " + result + ", listed as " + function.exampleResult());
                        }
                    } catch (SQLException e) {
                        failures.add(query + " failed: " + e.getMessage());
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void showFunctionsListsEverySignatureWithTrinosColumns() throws Exception {
        try (Connection shoal = TestCluster.get().connect(); Statement s = shoal.createStatement()) {
            int rows = 0;
            try (ResultSet rs = s.executeQuery("SHOW FUNCTIONS")) {
                assertEquals("Function", rs.getMetaData().getColumnLabel(1));
                assertEquals("Description", rs.getMetaData().getColumnLabel(6));
                while (rs.next()) {
                    FunctionInfo expected = BuiltinFunctions.all().get(rows++);
                    assertEquals(List.of(expected.name(), expected.returnType(), expected.argumentTypes(), expected.kind().label()),
                            List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            assertEquals(BuiltinFunctions.all().size(), rows);
            List<String> regexp = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SHOW FUNCTIONS LIKE 'regexp%'")) {
                while (rs.next()) {
                    regexp.add(rs.getString(1) + "(" + rs.getString(3) + ")");
                }
            }
            assertEquals(List.of("regexp_extract(varchar, varchar)", "regexp_extract(varchar, varchar, bigint)",
                    "regexp_like(varchar, varchar)", "regexp_replace(varchar, varchar)", "regexp_replace(varchar, varchar, varchar)"),
                    regexp);
        }
    }

    @Test
    void jdbcListsTheSameFunctions() throws Exception {
        try (Connection shoal = TestCluster.get().connect()) {
            DatabaseMetaData meta = shoal.getMetaData();
            List<String> lpad = new ArrayList<>();
            try (ResultSet rs = meta.getFunctions(null, null, "lpad")) {
                while (rs.next()) {
                    lpad.add(rs.getString("FUNCTION_NAME") + " " + rs.getString("SPECIFIC_NAME") + " " + rs.getInt("FUNCTION_TYPE"));
                }
            }
            assertEquals(List.of("lpad lpad(varchar, bigint, varchar) " + DatabaseMetaData.functionNoTable), lpad);
            try (ResultSet rs = meta.getFunctions(null, null, "%")) {
                int rows = 0;
                while (rs.next()) {
                    rows++;
                }
                assertEquals(BuiltinFunctions.all().size(), rows);
            }
            assertTrue(List.of(meta.getStringFunctions().split(",")).containsAll(List.of("lpad", "split_part", "regexp_like")),
                    meta.getStringFunctions());
            assertTrue(List.of(meta.getNumericFunctions().split(",")).containsAll(List.of("abs", "round", "sqrt")),
                    meta.getNumericFunctions());
            assertTrue(List.of(meta.getTimeDateFunctions().split(",")).containsAll(List.of("date_trunc", "date_add", "year")),
                    meta.getTimeDateFunctions());
            assertTrue(meta.getSystemFunctions().contains("current_user"), meta.getSystemFunctions());
        }
    }
}
