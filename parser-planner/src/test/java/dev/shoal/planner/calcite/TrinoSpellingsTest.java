package dev.shoal.planner.calcite;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TrinoSpellingsTest {
    @Test
    void renamesOnlyCallsKeepingTheLength() {
        String sql = "select Date_Diff ('day', a, b), 'date_diff(', \"date_diff\"(x), date_diff_x(1) -- date_diff(\nfrom t";
        String rewritten = TrinoSpellings.rewrite(sql);
        assertEquals("select DATE$DIFF ('day', a, b), 'date_diff(', \"date_diff\"(x), date_diff_x(1) -- date_diff(\nfrom t", rewritten);
        assertEquals(sql.length(), rewritten.length());
    }

    @Test
    void messagesNameTheFunctionAsWritten() {
        assertEquals("Cannot apply 'DATE_DIFF'", TrinoSpellings.restore("Cannot apply 'DATE$DIFF'"));
    }
}
