package dev.shoal.jdbc;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JdbcEscapesTest {
    @Test
    void literalsBecomeTypedLiterals() throws SQLException {
        assertEquals("select * from orders where o_orderdate >= DATE '1995-01-01' and ts < TIMESTAMP '2024-01-31 12:00:00'",
                JdbcEscapes.translate("select * from orders where o_orderdate >= {d '1995-01-01'} and ts < {ts '2024-01-31 12:00:00'}"));
        assertEquals("select TIME '10:00:00'", JdbcEscapes.translate("select {t '10:00:00'}"));
    }

    @Test
    void functionsTakeTrinosNamesWhereTheyDiffer() throws SQLException {
        assertEquals("select upper(n_name), lower(n_name), coalesce(n_comment, ''), abs(-1), current_date, now()",
                JdbcEscapes.translate("select {fn ucase(n_name)}, {FN LCASE(n_name)}, {fn ifnull(n_comment, '')}, {fn abs(-1)}, "
                        + "{fn curdate()}, {fn now()}"));
        assertEquals("select upper(lower(x))", JdbcEscapes.translate("select {fn ucase({fn lcase(x)})}"), "escapes nest");
    }

    @Test
    void outerJoinsEscapesLimitsAndCalls() throws SQLException {
        assertEquals("select * from nation left outer join region on n_regionkey = r_regionkey",
                JdbcEscapes.translate("select * from {oj nation left outer join region on n_regionkey = r_regionkey}"));
        assertEquals("select 1 where 'a_b' like 'a\\_b' ESCAPE '\\'", JdbcEscapes.translate("select 1 where 'a_b' like 'a\\_b' {escape '\\'}"));
        assertEquals("select * from nation LIMIT 5 OFFSET 10", JdbcEscapes.translate("select * from nation {limit 5 offset 10}"));
        assertEquals("CALL system.runtime.kill_query('q1')", JdbcEscapes.translate("{call system.runtime.kill_query('q1')}"));
    }

    @Test
    void quotesAndCommentsAreLeftAlone() throws SQLException {
        String sql = "select '{fn ucase(x)}', \"{d}\" -- {ts 'x'}\n/* {oj */ from t";
        assertEquals(sql, JdbcEscapes.translate(sql));
        String none = "select 1";
        assertSame(none, JdbcEscapes.translate(none));
        assertEquals("select 'it''s {d}', DATE '2024-01-01'", JdbcEscapes.translate("select 'it''s {d}', {d '2024-01-01'}"));
    }

    @Test
    void unknownOrUnbalancedEscapesAreSyntaxErrorsWithTheirPosition() {
        SQLException unknown = assertThrows(SQLException.class, () -> JdbcEscapes.translate("select {guid 'x'}"));
        assertEquals("42000", unknown.getSQLState());
        assertTrue(unknown.getMessage().contains("{guid ...} at position 8"), unknown.getMessage());
        SQLException open = assertThrows(SQLException.class, () -> JdbcEscapes.translate("select {fn ucase(x)"));
        assertTrue(open.getMessage().contains("unbalanced"), open.getMessage());
        assertThrows(SQLException.class, () -> JdbcEscapes.translate("select {d '2024-01-01'} }"));
    }
}
