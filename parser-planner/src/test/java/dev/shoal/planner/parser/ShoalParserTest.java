package dev.shoal.planner.parser;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.planner.calcite.ShoalOperatorTable;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShoalParserTest {
    private static SqlExplainStatement explain(String sql) {
        return assertInstanceOf(SqlExplainStatement.class, ShoalParser.parse(sql));
    }

    @Test
    void explainReadsTrinosForms() {
        SqlExplainStatement plain = explain("explain select 1");
        assertFalse(plain.analyze());
        assertEquals(SqlKind.SELECT, plain.statement().getKind());

        SqlExplainStatement analyze = explain("EXPLAIN ANALYZE select 1");
        assertTrue(analyze.analyze());
        assertFalse(analyze.verbose());
        assertTrue(explain("explain analyze verbose select 1").verbose());

        SqlExplainStatement typed = explain("explain (type logical, format text) select 1");
        assertEquals(List.of("TYPE", "FORMAT"), typed.options().stream().map(SqlExplainStatement.Option::nameText).toList());
        assertEquals("LOGICAL", typed.option("TYPE").orElseThrow().valueText());
    }

    @Test
    void explainOfAParenthesizedQueryIsNotReadAsOptions() {
        SqlExplainStatement explain = explain("explain (select 1) union all (select 2)");
        assertTrue(explain.options().isEmpty());
        assertEquals(SqlKind.UNION, explain.statement().getKind());
    }

    @Test
    void calcitesExplainPlanForIsPlainExplain() {
        SqlExplainStatement explain = explain("explain plan for select 1");
        assertFalse(explain.analyze());
        assertEquals(SqlKind.SELECT, explain.statement().getKind());
    }

    @Test
    void explainAndAnalyzeLeaveNamesAlone() {
        SqlSelect select = assertInstanceOf(SqlSelect.class, ShoalParser.parse("select plan, analyze, verbose from explained"));
        assertEquals(3, select.getSelectList().size());
        SqlExplainStatement explain = explain("explain select plan from t");
        assertEquals(SqlKind.SELECT, explain.statement().getKind());
    }

    @Test
    void dateDiffIsTrinosWithTheUnitFirst() {
        SqlSelect select = assertInstanceOf(SqlSelect.class, ShoalParser.parse("select date_diff('day', a, b + interval '1' day) from t"));
        SqlCall call = assertInstanceOf(SqlCall.class, select.getSelectList().get(0));
        assertSame(ShoalOperatorTable.DATE_DIFF, call.getOperator());
        assertEquals(3, call.operandCount());
        assertEquals(SqlKind.LITERAL, call.operand(0).getKind());
    }

    @Test
    void syntaxErrorsNameLineAndColumnWithoutTheTokenList() {
        ShoalException e = assertThrows(ShoalException.class, () -> ShoalParser.parse("select 1\nfrom t where"));
        assertEquals(ErrorCode.SYNTAX_ERROR, e.code());
        assertTrue(e.getMessage().startsWith("syntax error at line 2, column"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void queryParsingKeepsTheOrderBy() {
        SqlNode query = ShoalParser.parseQuery("select a from t order by a desc limit 3");
        assertEquals(SqlKind.ORDER_BY, query.getKind());
    }
}
