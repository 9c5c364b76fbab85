package dev.shoal.planner.parser;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A chain of ANDs or +s nests as deep as it is long; past the limit the statement is refused by name, an IN list is not. */
class ExpressionDepthTest {
    @Test
    void chainsUpToTheLimitParseAndLongerOnesAreRefused() {
        assertDoesNotThrow(() -> ShoalParser.parse("select " + "a" + " + a".repeat(400) + " from t"));
        ShoalException e = assertThrows(ShoalException.class,
                () -> ShoalParser.parse("select " + "a" + " + a".repeat(ExpressionDepth.MAX_DEPTH + 10) + " from t"));
        assertEquals(ErrorCode.STATEMENT_TOO_COMPLEX, e.code());
        assertTrue(e.getMessage().contains("more than " + ExpressionDepth.MAX_DEPTH + " deep"), e.getMessage());
        StringBuilder or = new StringBuilder("select * from t where a = 0");
        for (int i = 1; i < 600; i++) {
            or.append(" or a = ").append(i);
        }
        assertThrows(ShoalException.class, () -> ShoalParser.parse(or.toString()));
    }

    @Test
    void aLongInListDoesNotNest() {
        StringBuilder in = new StringBuilder("select * from t where a in (0");
        for (int i = 1; i < 5000; i++) {
            in.append(", ").append(i);
        }
        assertDoesNotThrow(() -> ShoalParser.parse(in.append(")").toString()));
    }
}
