package dev.shoal.core.error;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ErrorCodeTest {
    /** Clients match on vendor codes: each is unique, and the ones released keep their numbers. */
    @Test
    void vendorCodesAreUniqueAndStable() {
        Set<Integer> seen = new HashSet<>();
        for (ErrorCode code : ErrorCode.values()) {
            assertTrue(seen.add(code.code()), "vendor code " + code.code() + " is used twice");
            assertEquals(5, code.sqlState().length(), code + "'s SQLSTATE");
        }
        assertEquals(0, ErrorCode.SYNTAX_ERROR.code());
        assertEquals(2, ErrorCode.UNKNOWN_COLUMN.code());
        assertEquals(16, ErrorCode.INTERNAL_ERROR.code());
        assertEquals(17, ErrorCode.SUBQUERY_MULTIPLE_ROWS.code());
    }
}
