package dev.shoal.planner.parser;

import dev.shoal.planner.parser.ddl.SqlSetSession;
import dev.shoal.planner.parser.ddl.SqlShow;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSetOption;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SET SESSION, RESET SESSION, SHOW SESSION|FUNCTIONS|CATALOGS and CALL, in Trino's spellings. */
class SessionStatementsParserTest {
    @Test
    void setSessionTakesAnExpressionAndResetNone() {
        SqlSetSession set = assertInstanceOf(SqlSetSession.class, ShoalParser.parse("SET SESSION query_max_scan_size = '10GB'"));
        assertEquals("query_max_scan_size", set.name().toString());
        assertEquals("10GB", assertInstanceOf(SqlCharStringLiteral.class, set.value().orElseThrow()).getValueAs(String.class));
        SqlSetSession reset = assertInstanceOf(SqlSetSession.class, ShoalParser.parse("reset session query_max_scan_size"));
        assertTrue(reset.value().isEmpty());
        // Calcite's own SET stays what it was.
        assertInstanceOf(SqlSetOption.class, ShoalParser.parse("set x = 1"));
    }

    @Test
    void showSessionFunctionsAndCatalogsTakeALikePattern() {
        SqlShow session = assertInstanceOf(SqlShow.class, ShoalParser.parse("SHOW SESSION LIKE 'query%'"));
        assertEquals(SqlShow.Subject.SESSION, session.subject());
        assertEquals(Optional.of("query%"), session.like());
        assertEquals(SqlShow.Subject.FUNCTIONS, assertInstanceOf(SqlShow.class, ShoalParser.parse("show functions")).subject());
        assertEquals(SqlShow.Subject.CATALOGS, assertInstanceOf(SqlShow.class, ShoalParser.parse("show catalogs")).subject());
    }

    @Test
    void callTakesNamedArguments() {
        SqlNode call = ShoalParser.parse("CALL system.runtime.kill_query(query_id => '20261201_000000_00001_abcde', message => 'slow')");
        assertEquals(SqlKind.PROCEDURE_CALL, call.getKind());
        SqlBasicCall routine = assertInstanceOf(SqlBasicCall.class, ((SqlBasicCall) call).operand(0));
        assertEquals(2, routine.operandCount());
        assertEquals(SqlKind.ARGUMENT_ASSIGNMENT, routine.operand(0).getKind());
    }

    @Test
    void sessionAndFunctionsStayNames() {
        ShoalParser.parse("select session, functions, catalogs from t");
    }
}
